import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { AppDeps } from './context.js';

/** How long an export's link works: long enough to click, short enough that a logged link is dead. */
const LINK_SECONDS = 600;

/**
 * A council's export in AWS: the ZIP streams into the exports bucket (multipart, so a large council
 * never sits whole in memory or hits Lambda's 6 MB response limit) under `exports/<path>`, and the
 * answer is a short-lived presigned link (infra/README.md, "Exports"). The S3 SDK loads with the first
 * export, not at the documents function's cold start.
 */
export function s3Exports(opts: {
  bucket: string;
  region?: string | undefined;
  client?: S3Client;
}): NonNullable<AppDeps['exports']> {
  let client: S3Client | undefined = opts.client;
  return {
    async save(path, produce) {
      const [s3, { Upload }, { getSignedUrl }] = await Promise.all([
        import('@aws-sdk/client-s3'),
        import('@aws-sdk/lib-storage'),
        import('@aws-sdk/s3-request-presigner'),
      ]);
      client ??= new s3.S3Client({ region: opts.region });
      const Key = `exports/${path}`;
      const filename = path.split('/').pop() ?? path;
      const body = new PassThrough();
      const upload = new Upload({
        client,
        params: {
          Bucket: opts.bucket,
          Key,
          Body: body,
          ContentType: 'application/zip',
          ContentDisposition: `attachment; filename="${filename}"`,
        },
      });
      const uploaded = upload.done();
      try {
        await produce(async (chunk) => {
          if (!body.write(chunk)) await once(body, 'drain');
        });
        body.end();
        await uploaded;
      } catch (e) {
        body.destroy();
        await upload.abort().catch(() => undefined);
        await uploaded.catch(() => undefined);
        throw e;
      }
      return getSignedUrl(client, new s3.GetObjectCommand({ Bucket: opts.bucket, Key }), {
        expiresIn: LINK_SECONDS,
      });
    },
  };
}

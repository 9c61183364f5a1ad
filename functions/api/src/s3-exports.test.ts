import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { s3Exports } from './s3-exports.js';

const client = new S3Client({
  region: 'eu-west-2',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
});

describe('exports to S3', () => {
  it('streams the ZIP to exports/<council>/… and answers a presigned link that expires', async () => {
    const s3 = mockClient(client);
    s3.on(PutObjectCommand).resolves({});
    const exports = s3Exports({ bucket: 'peopleplan-exports', client });
    const url = await exports.save('harrow/peopleplan-harrow-2026-12-06.zip', async (write) => {
      await write(new TextEncoder().encode('PK'));
      await write(new TextEncoder().encode('zip bytes'));
    });
    const put = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(put).toMatchObject({
      Bucket: 'peopleplan-exports',
      Key: 'exports/harrow/peopleplan-harrow-2026-12-06.zip',
      ContentType: 'application/zip',
      ContentDisposition: 'attachment; filename="peopleplan-harrow-2026-12-06.zip"',
    });
    const link = new URL(url);
    expect(link.hostname).toBe('peopleplan-exports.s3.eu-west-2.amazonaws.com');
    expect(link.pathname).toBe('/exports/harrow/peopleplan-harrow-2026-12-06.zip');
    expect(link.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(link.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
    s3.restore();
  });

  it('gives up on the upload when producing the ZIP fails, and says why', async () => {
    const s3 = mockClient(client);
    s3.on(PutObjectCommand).resolves({});
    const exports = s3Exports({ bucket: 'peopleplan-exports', client });
    await expect(
      exports.save('harrow/x.zip', async (write) => {
        await write(new Uint8Array([1]));
        throw new Error('partition read failed');
      }),
    ).rejects.toThrow('partition read failed');
    s3.restore();
  });
});

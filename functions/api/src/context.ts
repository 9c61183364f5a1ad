import type { IdentityAdmin, Principal, TokenVerifier } from '@peopleplan/auth';
import type { ApiConfig } from '@peopleplan/config';
import type { DirectoryRepo, DocFor, PartnershipsRepo } from '@peopleplan/db';
import type { Logger } from '@peopleplan/observability';

/** What the app is built from: real AWS clients in Lambda, DynamoDB Local and the dev IdP locally. */
export interface AppDeps {
  config: Pick<ApiConfig, 'TABLE_NAME' | 'MAX_BODY_BYTES' | 'WEB_BASE_URL' | 'STAGE'> &
    Partial<Pick<ApiConfig, 'ORIGIN_VERIFY_SECRET'>>;
  verifier: TokenVerifier;
  logger: Logger;
  /**
   * The DynamoDB client for one council's requests. In AWS it carries credentials of the tenant role
   * assumed with the session tag `council=<id>`, so IAM allows only that council's partition.
   */
  docFor: DocFor;
  /**
   * The partnership directory (`P#` partitions) through the function's own client: it belongs to no
   * council and no tenant role may read it.
   */
  partnershipDirectory: PartnershipsRepo;
  /** The council directory, operators and their audit trail (the functions' own client, like partnerships). */
  directory: DirectoryRepo;
  /** Who may sign in and their groups: Cognito's admin API in AWS, the local identity provider here. */
  identity: IdentityAdmin;
  /**
   * Where large downloads go when the response itself cannot carry them (AWS: a private bucket, the
   * answer a presigned link). Absent locally: the download is the response body.
   */
  exports?: {
    /** `path`: `<council>/<file name>`; answers a short-lived link to it. */
    save(
      path: string,
      produce: (write: (chunk: Uint8Array) => Promise<void> | void) => Promise<void>,
    ): Promise<string>;
  };
  /** A 5xx was answered for an error caught and logged (metrics: HandledError, AccessDenied). */
  onHandledError?: (error: Error) => void;
  /** Any response of 500 or more went out (metrics: ServerErrorResponse). */
  onServerError?: () => void;
  /** Today's date in Europe/London (a seam for tests of date rules). */
  today?: () => string;
}

export interface AppEnv {
  Variables: {
    principal: Principal;
    requestId: string;
    /** Councils opened for this request (tenant.ts): each is read once, however often it is asked for. */
    openCouncils: Map<string, Promise<import('./tenant.js').OpenCouncil>>;
  };
}

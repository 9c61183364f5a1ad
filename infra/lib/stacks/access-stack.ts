import { TABLE } from '@peopleplan/db/table';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import {
  ITEM_READ_ACTIONS,
  ITEM_WRITE_ACTIONS,
  leadingKeysCondition,
  TenantDataRoles,
} from '../constructs/tenant-data-roles.js';

/**
 * The service's own partitions (docs/architecture.md, "The table"): none belongs to a council, so they are
 * what the functions' own roles may reach. Council partitions (`C#…`) are reached only through a tenant or
 * partner-reader session.
 */
export const PARTITIONS = {
  /** The partnership directory: `P#<partnership>` and the list of partnerships. */
  partnerships: 'P#*',
  /** The council directory, the operators and their audit trail (`D#councils`, `D#operators`, `D#audit`). */
  directory: 'D#*',
  /** Lookups from a calendar-feed or alert-link secret's hash to its council (`S#<sha256>`). */
  secretLinks: 'S#*',
  /** The due index's partitions (`DUE#<shard>`, `DUE#outbox`). */
  due: 'DUE#*',
} as const;

/**
 * Exactly the Cognito admin calls the API makes (packages/auth/src/cognito-admin.ts): invite, find, move
 * between groups, sign out everywhere, remove, and create a council's groups.
 */
export const COGNITO_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:CreateGroup',
];

/** What the bounce handler asks Cognito: the user with an address and their groups (`findUser`). */
export const COGNITO_FIND_USER_ACTIONS = ['cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser'];

export interface AccessStackProps extends StackProps {
  table: dynamodb.ITable;
  userPool: cognito.IUserPool;
  /** Role the post-deploy smoke test runs as; may assume the tenant data role. */
  smokeTestRoleArn?: string | undefined;
}

/**
 * Who may reach what in the table, in one place: the execution roles of every function that touches it,
 * and the tenant data and partner-reader roles they assume per council. The tenant roles trust the
 * execution roles by ARN and the functions need the tenant roles' ARNs, so both live here, and the api and
 * jobs stacks (which depend on this one) import the execution roles for what only they know about (log
 * groups, queues, buckets). infra/README.md, "How tenant isolation is enforced by AWS", has the matrix.
 */
export class AccessStack extends Stack {
  readonly apiRole: iam.Role;
  readonly documentsRole: iam.Role;
  readonly alertJobRole: iam.Role;
  readonly bouncesRole: iam.Role;
  readonly tenantRoles: TenantDataRoles;

  constructor(scope: Construct, id: string, props: AccessStackProps) {
    super(scope, id, props);
    const { table } = props;
    const executionRole = (rid: string, description: string) =>
      new iam.Role(this, rid, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `${description} (execution role)`,
      });
    this.apiRole = executionRole('ApiRole', 'PeoplePlan HTTP API (Hono)');
    this.documentsRole = executionRole('DocumentsRole', 'PeoplePlan documents API');
    this.alertJobRole = executionRole('AlertJobRole', 'PeoplePlan daily alert job');
    this.bouncesRole = executionRole('BouncesRole', 'PeoplePlan: SES bounces and complaints');

    // Every function that acts for a council does it through that council's session.
    this.tenantRoles = new TenantDataRoles(this, 'TenantAccess', {
      table,
      tenantAssumedBy: [this.apiRole, this.documentsRole, this.alertJobRole, this.bouncesRole],
      partnerAssumedBy: [this.apiRole, this.documentsRole, this.alertJobRole],
      smokeTestRoleArn: props.smokeTestRoleArn,
    });

    const items = (sid: string, actions: string[], partitions: string[]) =>
      new iam.PolicyStatement({
        sid,
        actions,
        resources: [table.tableArn],
        conditions: leadingKeysCondition(partitions, 'ForAllValues:StringLike'),
      });

    // API function: the partnership and council directories, operators and their audit trail, and the
    // secret-link lookups (erasing a council removes its own); never a council partition, never an index.
    this.apiRole.addToPrincipalPolicy(
      items(
        'ServicePartitions',
        [...ITEM_READ_ACTIONS, ...ITEM_WRITE_ACTIONS],
        [PARTITIONS.partnerships, PARTITIONS.directory, PARTITIONS.secretLinks],
      ),
    );
    // Members are invited, moved and removed through Cognito's admin API (issue 13), on this pool only.
    this.apiRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ManageUsers',
        actions: COGNITO_ADMIN_ACTIONS,
        resources: [props.userPool.userPoolArn],
      }),
    );

    // Documents function: calendar feeds are created, revoked and fetched here, each resolved through its
    // secret's lookup record (the council comes from the secret, not the URL).
    this.documentsRole.addToPrincipalPolicy(
      items(
        'SecretLinks',
        ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
        [PARTITIONS.secretLinks],
      ),
    );

    // Alert job: the only cross-council read is the sparse due index (outbox included); partnerships to
    // send partner digests; alert-link lookups it writes for the emails. Everything else per council.
    this.alertJobRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'QueryDueIndexAllCouncils',
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${TABLE.indexes.due.name}`],
        conditions: leadingKeysCondition(PARTITIONS.due, 'ForAllValues:StringLike'),
      }),
    );
    this.alertJobRole.addToPrincipalPolicy(
      items('ReadPartnershipDirectory', ['dynamodb:GetItem', 'dynamodb:Query'], [PARTITIONS.partnerships]),
    );
    this.alertJobRole.addToPrincipalPolicy(
      items('WriteAlertLinkLookups', ['dynamodb:PutItem'], [PARTITIONS.secretLinks]),
    );

    // Bounce handler: finds the address's user and their councils in Cognito, then marks each council's
    // member record through that council's tenant session.
    this.bouncesRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'FindUserByEmail',
        actions: COGNITO_FIND_USER_ACTIONS,
        resources: [props.userPool.userPoolArn],
      }),
    );

    new CfnOutput(this, 'TenantRoleArn', { value: this.tenantRoles.tenantRole.roleArn });
    new CfnOutput(this, 'PartnerRoleArn', { value: this.tenantRoles.partnerRole.roleArn });
  }
}

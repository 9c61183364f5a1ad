import { TABLE } from '@peopleplan/db/table';
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';

/**
 * The single table. Its keys and indexes come from packages/db/src/table.ts, the same definition the
 * local stack uses, so AWS and a laptop cannot drift apart.
 */
export class DataStack extends Stack {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const S = dynamodb.AttributeType.STRING;

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: S },
      sortKey: { name: TABLE.sortKey, type: S },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // Councils' plans outlive any one deployment: deleting the stack leaves the table in place.
      removalPolicy: RemovalPolicy.RETAIN,
      // AWS-owned keys are not visible to the council; an AWS managed key is, in CloudTrail and KMS.
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
    });
    for (const ix of Object.values(TABLE.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName: ix.name,
        partitionKey: { name: ix.partitionKey, type: S },
        sortKey: { name: ix.sortKey, type: S },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}

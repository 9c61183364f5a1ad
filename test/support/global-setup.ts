import { startDynamoDbLocal } from '@peopleplan/devstack';
import { loadPolicySet } from '@peopleplan/iam-local';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** Starts one in-memory DynamoDB Local for the run; test files each make their own table in it. */
export default async function setup(project: TestProject) {
  // The synthesised IAM policies every suite's clients are checked against: synthesised here once (or
  // read from the cache), so test files do not each wait for a synth.
  const [ddb] = await Promise.all([startDynamoDbLocal(), loadPolicySet()]);
  project.provide('dynamoEndpoint', ddb.endpoint);
  return async () => {
    await ddb.stop();
  };
}

import { describe, expect, it } from 'vitest';
import { type CfnTemplate, TemplateResolver } from './cfn-resolve.js';

const env = { account: '111122223333', region: 'eu-west-2', partition: 'aws' };

const templates: Record<string, CfnTemplate> = {
  Data: {
    Resources: {
      Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
      Named: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'named-table' } },
      Queue: { Type: 'AWS::SQS::Queue' },
    },
    Outputs: {
      TableArn: { Value: { 'Fn::GetAtt': ['Table', 'Arn'] }, Export: { Name: 'Data:TableArn' } },
    },
  },
  App: {
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-2'] } },
    Resources: { Role: { Type: 'AWS::IAM::Role' } },
  },
};

describe('TemplateResolver', () => {
  const r = new TemplateResolver(templates, env);

  it('follows Fn::ImportValue to the exporting stack and joins onto it', () => {
    expect(
      r.resolve('App', { 'Fn::Join': ['', [{ 'Fn::ImportValue': 'Data:TableArn' }, '/index/council']] }),
    ).toBe('arn:aws:dynamodb:eu-west-2:111122223333:table/Data-Table/index/council');
  });

  it('gives generated names to unnamed resources and keeps given ones', () => {
    expect(r.resolve('Data', { Ref: 'Named' })).toBe('named-table');
    expect(r.resolve('App', { 'Fn::GetAtt': ['Role', 'Arn'] })).toBe(
      'arn:aws:iam::111122223333:role/App-Role',
    );
    expect(r.resolve('Data', { Ref: 'Queue' })).toBe(
      'https://sqs.eu-west-2.amazonaws.com/111122223333/Data-Queue',
    );
  });

  it('substitutes Fn::Sub, keeping escaped (!) names literal', () => {
    // CloudFormation's `${…}` syntax, built with a helper so no string looks like a mistaken JS template.
    const v = (name: string) => `$${'{'}${name}}`;
    expect(
      r.resolve('App', {
        'Fn::Sub': `arn:${v('AWS::Partition')}:x:${v('AWS::Region')}:${v('AWS::AccountId')}:${v('Role.Arn')}:${v('!Keep')}`,
      }),
    ).toBe(`arn:aws:x:eu-west-2:111122223333:arn:aws:iam::111122223333:role/App-Role:${v('Keep')}`);
    expect(
      r.resolve('App', { 'Fn::Sub': [`${v('A')}-${v('B')}`, { A: 'a', B: { Ref: 'AWS::Region' } }] }),
    ).toBe('a-eu-west-2');
  });

  it('computes Select, Split, If and drops AWS::NoValue', () => {
    expect(r.resolve('App', { 'Fn::Select': [1, { 'Fn::Split': ['/', 'a/b/c'] }] })).toBe('b');
    expect(r.resolve('App', { 'Fn::If': ['IsProd', 'yes', 'no'] })).toBe('yes');
    expect(r.resolve('App', ['a', { Ref: 'AWS::NoValue' }, 'b'])).toEqual(['a', 'b']);
  });

  it('fails loudly on what it cannot resolve', () => {
    expect(() => r.resolve('App', { 'Fn::GetAZs': '' })).toThrow(/cannot resolve Fn::GetAZs/);
    expect(() => r.resolve('App', { 'Fn::ImportValue': 'Nope' })).toThrow(/no stack exports Nope/);
    expect(() => r.resolve('App', { Ref: 'Missing' })).toThrow(/no resource Missing/);
  });
});

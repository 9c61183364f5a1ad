import { type App, Tags } from 'aws-cdk-lib';
import type { PeoplePlanConfig } from './config.js';
import { ApiStack } from './stacks/api-stack.js';
import { AuthStack } from './stacks/auth-stack.js';
import { DashboardStack } from './stacks/dashboard-stack.js';
import { DataStack } from './stacks/data-stack.js';
import { GatewayStack } from './stacks/gateway-stack.js';
import { JobsStack } from './stacks/jobs-stack.js';
import { MonitoringStack } from './stacks/monitoring-stack.js';
import { WebStack } from './stacks/web-stack.js';

export interface PeoplePlanStacks {
  data: DataStack;
  monitoring: MonitoringStack;
  auth: AuthStack;
  gateway: GatewayStack;
  web: WebStack;
  api: ApiStack;
  jobs: JobsStack;
  dashboard: DashboardStack;
}

/**
 * Every stack of one deployment (stage), wired together. Order of deployment follows the references:
 * data, monitoring, auth, gateway → web → api, jobs → dashboard.
 */
export function addPeoplePlan(app: App, config: PeoplePlanConfig): PeoplePlanStacks {
  const env = { region: config.region, account: config.account };
  const name = (concern: string) => `PeoplePlan-${config.stage}-${concern}`;
  const common = (concern: string, description: string) => ({
    env,
    stackName: name(concern),
    description: `PeoplePlan (${config.stage}): ${description}`,
  });
  const { logRetention } = config;

  const data = new DataStack(app, name('Data'), {
    ...common('Data', 'single DynamoDB table (retained on delete) and its backups'),
    backupCopyVaultArn: config.backupCopyVaultArn,
    // Deleting this stack by accident would not delete the table (it is retained), but it would orphan it.
    terminationProtection: true,
  });
  const monitoring = new MonitoringStack(app, name('Monitoring'), {
    ...common('Monitoring', 'alarm topic'),
    alarmEmail: config.alarmEmail,
  });
  const auth = new AuthStack(app, name('Auth'), {
    ...common('Auth', 'Cognito user pool'),
    stage: config.stage,
    domainPrefix: config.authDomainPrefix,
  });
  const gateway = new GatewayStack(app, name('Gateway'), {
    ...common('Gateway', 'HTTP API endpoint'),
    stage: config.stage,
    logRetention,
    allowedOrigins: config.allowedOrigins,
    apiDomainName: config.apiDomainName,
    apiCertificateArn: config.apiCertificateArn,
  });
  const web = new WebStack(app, name('Web'), {
    ...common('Web', 'web app on S3 and CloudFront'),
    stage: config.stage,
    userPool: auth.userPool,
    authDomain: auth.domain,
    issuer: auth.issuer,
    apiDomain: gateway.apiDomain,
    originSecretVersion: config.originSecretVersion,
    domainName: config.domainName,
    certificateArn: config.certificateArn,
    allowedOrigins: config.allowedOrigins,
    webAclArn: config.webAclArn,
    geoAllowList: config.geoAllowList,
    logRetention,
    webDistDir: config.webDistDir,
  });
  const api = new ApiStack(app, name('Api'), {
    ...common('Api', 'API function, routes and tenant roles'),
    stage: config.stage,
    table: data.table,
    httpApi: gateway.httpApi,
    accessLogs: gateway.accessLogs,
    domainName: gateway.domainName,
    originSecretVersion: config.originSecretVersion,
    smokeTestRoleArn: config.smokeTestRoleArn,
    issuer: auth.issuer,
    clientId: web.client.userPoolClientId,
    webBaseUrl: web.baseUrl,
    alarmTopic: monitoring.topic,
    logRetention,
    jwtAuthorizer: config.jwtAuthorizer,
  });
  const jobs = new JobsStack(app, name('Jobs'), {
    ...common('Jobs', 'daily alert job and email notifier'),
    stage: config.stage,
    table: data.table,
    webBaseUrl: web.baseUrl,
    senderEmail: config.senderEmail,
    senderDomain: config.senderDomain,
    mailFromDomain: config.mailFromDomain,
    alarmTopic: monitoring.topic,
    logRetention,
  });
  const dashboard = new DashboardStack(app, name('Dashboard'), {
    ...common('Dashboard', 'CloudWatch dashboard'),
    stage: config.stage,
    httpApi: gateway.httpApi,
    apiFunctions: [api.api.fn, api.documents.fn],
    alertJob: jobs.alerts.fn,
    notifier: jobs.notifier.fn,
    table: data.table,
    deadLetterQueues: [
      { label: 'alert emails', queue: jobs.deadLetterQueue },
      { label: 'alert job schedule', queue: jobs.scheduleDeadLetterQueue },
      { label: 'failed job and bounce runs', queue: jobs.failedRunsQueue },
    ],
  });

  Tags.of(app).add('Application', 'PeoplePlan');
  Tags.of(app).add('Stage', config.stage);
  return { data, monitoring, auth, gateway, web, api, jobs, dashboard };
}

import { type App, Tags } from 'aws-cdk-lib';
import type { PeoplePlanConfig } from './config.js';
import { AccessStack } from './stacks/access-stack.js';
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
  access: AccessStack;
  api: ApiStack;
  jobs: JobsStack;
  dashboard: DashboardStack;
}

/**
 * Every stack of one deployment (stage), wired together. Order of deployment follows the references:
 * data, monitoring, auth, gateway → web, access → api, jobs → dashboard. The access stack holds the
 * execution roles of every function that acts for a council and the tenant roles they assume, so that the
 * tenant roles' trust and the functions' `TENANT_ROLE_ARN` form no cycle between stacks.
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
    senderEmail: config.senderEmail,
    senderDomain: config.senderDomain,
    senderVerified: config.senderVerified,
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
  const access = new AccessStack(app, name('Access'), {
    ...common('Access', 'execution roles and the per-council tenant roles'),
    table: data.table,
    userPool: auth.userPool,
    smokeTestRoleArn: config.smokeTestRoleArn,
  });
  const tenantRoles = {
    tenantRole: access.tenantRoles.tenantRole,
    partnerRole: access.tenantRoles.partnerRole,
  };
  const api = new ApiStack(app, name('Api'), {
    ...common('Api', 'API functions, routes and the exports bucket'),
    stage: config.stage,
    table: data.table,
    httpApi: gateway.httpApi,
    accessLogs: gateway.accessLogs,
    domainName: gateway.domainName,
    originSecretVersion: config.originSecretVersion,
    access: { apiRole: access.apiRole, documentsRole: access.documentsRole, ...tenantRoles },
    userPoolId: auth.userPool.userPoolId,
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
    access: { alertJobRole: access.alertJobRole, bouncesRole: access.bouncesRole, ...tenantRoles },
    userPoolId: auth.userPool.userPoolId,
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
  return { data, monitoring, auth, gateway, web, access, api, jobs, dashboard };
}

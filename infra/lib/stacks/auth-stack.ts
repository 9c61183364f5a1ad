import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { configurationSetName } from './jobs-stack.js';

export interface AuthStackProps extends StackProps {
  stage: string;
  /** Hosted sign-in domain prefix; defaults to `peopleplan-<stage>-<account id>`. */
  domainPrefix: string | undefined;
  /** The stage's sender address and its SES domain identity (created by the jobs stack). */
  senderEmail: string | undefined;
  senderDomain: string | undefined;
  /**
   * SES shows the sender domain verified: only then may Cognito send through it (it checks when the pool is
   * updated, and the domain is verified only once its DNS records are published).
   */
  senderVerified: boolean;
}

/** The service operators' group (`OPERATOR_GROUP` in packages/core), made with the pool. */
export const OPERATOR_GROUP_NAME = 'platform:operator';

/**
 * The Cognito user pool. Accounts are created by council administrators and operators (no self sign-up);
 * access comes from groups named `council:<id>:<role>`, `partnership:<id>:partner-reader` and
 * `platform:operator`, which Cognito puts in the tokens' `cognito:groups` claim. The web app's OAuth client
 * (token lifetimes, revocation) lives in the web stack, because its callback URLs need the CloudFront
 * domain. infra/README.md, "Sign-in", explains MFA, email and sign-out.
 */
export class AuthStack extends Stack {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    // Invitations and codes come from the council's own domain through SES (its quota, DKIM, the
    // configuration set whose bounces the bounce handler reads), not Cognito's 50-a-day sender.
    const fromSes = props.senderVerified && props.senderEmail && props.senderDomain;
    if (props.senderEmail && !fromSes) {
      Annotations.of(this).addWarningV2(
        'peopleplan:cognito-default-email',
        'Cognito sends invitations and codes with its own sender (50 a day) until the SES sender domain is verified and context senderVerified=true is deployed (infra/README.md, "Email").',
      );
    }

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `peopleplan-${props.stage}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Required for everyone: Cognito cannot require MFA for some groups only, and admins and operators
      // must have it; an authenticator app (TOTP) is what UK public-sector staff already use, and
      // councillors who sign in rarely enrol once. No SMS (SIM swap) and no email codes (same inbox as
      // the password reset).
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      email: fromSes
        ? cognito.UserPoolEmail.withSES({
            fromEmail: props.senderEmail!,
            fromName: 'PeoplePlan',
            sesVerifiedDomain: props.senderDomain!,
            configurationSetName: configurationSetName(props.stage),
          })
        : cognito.UserPoolEmail.withCognito(),
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      // Plus tier: compromised-credential detection and adaptive authentication, enforced (blocks risky
      // sign-ins rather than only logging them).
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Your PeoplePlan account',
        emailBody:
          'You have been given access to PeoplePlan. Your username is {username} and your temporary password is {####}. You will be asked to choose a new password when you first sign in.',
      },
      deletionProtection: true,
      // Users and their group memberships are not re-creatable from code.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Operators run the service (issue 13): the group exists from the first deployment, so the first
    // operator can be added with one command (infra/README.md, "The first operator").
    new cognito.CfnUserPoolGroup(this, 'OperatorGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: OPERATOR_GROUP_NAME,
      description: 'PeoplePlan service operators: the council directory and counts, never plan data',
    });

    this.domain = this.userPool.addDomain('HostedDomain', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `peopleplan-${props.stage}-${this.account}` },
    });
    this.issuer = `https://cognito-idp.${this.region}.${this.urlSuffix}/${this.userPool.userPoolId}`;

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'HostedSignInDomain', { value: this.domain.baseUrl() });
  }
}

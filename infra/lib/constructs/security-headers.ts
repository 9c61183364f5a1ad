import { STYLE_CSP_SOURCE } from '@peopleplan/reports/html-style';
import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';

export interface SecurityHeadersProps {
  /** Origins the browser talks to besides its own (the Cognito hosted sign-in and token endpoints). */
  connectOrigins: string[];
  /** Origins a form may post to (sign-out goes through the hosted sign-in domain). */
  formOrigins: string[];
}

/**
 * Security headers on every response, static or API. The CSP allows nothing inline and nothing from
 * third parties: the app bundles its scripts, styles and GOV.UK Frontend assets.
 */
export class SecurityHeaders extends Construct {
  readonly policy: cloudfront.ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: SecurityHeadersProps) {
    super(scope, id);
    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      // The HTML report opened as a blob: page (which inherits this policy): its one inline style.
      `style-src 'self' ${STYLE_CSP_SOURCE}`,
      "img-src 'self' data:",
      "font-src 'self' data:",
      ['connect-src', "'self'", ...props.connectOrigins].join(' '),
      ['form-action', "'self'", ...props.formOrigins].join(' '),
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
      'upgrade-insecure-requests',
    ].join('; ');

    this.policy = new cloudfront.ResponseHeadersPolicy(this, 'Policy', {
      comment: 'PeoplePlan security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365 * 2),
          includeSubdomains: true,
          preload: false, // preload is a domain owner's decision, not a deployment default
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=()',
            override: true,
          },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });
  }
}

import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import nock from 'nock';

/**
 * The Bot Framework as a bot with credentials meets it, stood in by nock with a key pair made at
 * test time: the OpenID metadata and signing keys channel tokens are checked against, Entra ID's
 * token endpoint the bot gets its own tokens from, and a Teams connector that accepts only those.
 */
export const APP_ID = '4c7b9e2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c';
export const APP_PASSWORD = 'test-client-secret';
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** Where Teams (the Americas) sends its activities from, as in the fixtures. */
export const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

const BOT_FRAMEWORK = 'https://login.botframework.com';
const CHANNEL_ISSUER = 'https://api.botframework.com';
const LOGIN = 'https://login.microsoftonline.com';
/** The audience of the tokens a bot sends to the connector (its OAuth scope, without /.default). */
export const CONNECTOR_AUDIENCE = 'https://api.botframework.com';
const KEY_ID = 'casebot-test-key';

export const credentialsConfig = {
  credentials: {
    appId: APP_ID,
    appPassword: APP_PASSWORD,
    appType: 'SingleTenant' as const,
    tenantId: TENANT_ID,
  },
};

function keyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

// Made once per test file: botbuilder keeps the signing keys it fetched for a day, per process.
const channelKeys = keyPair();
const otherKeys = keyPair();
const entraKeys = keyPair();

/** One activity the stand-in connector received. */
export interface ConnectorPost {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly authorization: string;
}

export interface BotFramework {
  /** A channel token as the Bot Framework signs it for an activity sent to `APP_ID`. */
  channelToken(options?: {
    audience?: string;
    serviceUrl?: string;
    expiresInSeconds?: number;
    /** Signed with a key the Bot Framework never published. */
    foreignKey?: boolean;
  }): string;
  /** Requests to the token endpoint (form fields). */
  readonly tokenRequests: Record<string, string>[];
  /** Activities the connector accepted, with the Authorization header they came with. */
  readonly posts: ConnectorPost[];
  /** Activities the connector refused (missing or wrong token). */
  readonly refused: ConnectorPost[];
}

/**
 * Installs the stand-ins (persisting until `nock.cleanAll()`). The connector answers 401 unless
 * the bearer token is one the token endpoint issued to `APP_ID` for the connector's audience.
 */
export function standInBotFramework(): BotFramework {
  const jwk = channelKeys.publicKey.export({ format: 'jwk' });
  const tokenRequests: Record<string, string>[] = [];
  const posts: ConnectorPost[] = [];
  const refused: ConnectorPost[] = [];

  nock(BOT_FRAMEWORK)
    .persist()
    .get('/v1/.well-known/openidconfiguration')
    .reply(200, {
      issuer: CHANNEL_ISSUER,
      authorization_endpoint: 'https://invalid.botframework.com',
      jwks_uri: `${BOT_FRAMEWORK}/v1/.well-known/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    })
    .get('/v1/.well-known/keys')
    .reply(200, {
      keys: [
        { kty: 'RSA', use: 'sig', kid: KEY_ID, n: jwk.n, e: jwk.e, endorsements: ['msteams'] },
      ],
    });

  const tenantAuthority = `${LOGIN}/${TENANT_ID}`;
  nock(LOGIN)
    .persist()
    .get(`/${TENANT_ID}/v2.0/.well-known/openid-configuration`)
    .reply(200, {
      token_endpoint: `${tenantAuthority}/oauth2/v2.0/token`,
      authorization_endpoint: `${tenantAuthority}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${tenantAuthority}/oauth2/v2.0/logout`,
      issuer: `${LOGIN}/${TENANT_ID}/v2.0`,
      jwks_uri: `${tenantAuthority}/discovery/v2.0/keys`,
    })
    .get('/common/discovery/instance')
    .query(true)
    .reply(200, {
      tenant_discovery_endpoint: `${tenantAuthority}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [
        {
          preferred_network: 'login.microsoftonline.com',
          preferred_cache: 'login.windows.net',
          aliases: ['login.microsoftonline.com', 'login.windows.net', 'sts.windows.net'],
        },
      ],
    })
    .post(`/${TENANT_ID}/oauth2/v2.0/token`)
    .query(true)
    .reply((_uri, body) => {
      const form = Object.fromEntries(new URLSearchParams(String(body)));
      tokenRequests.push(form);
      if (form.client_id !== APP_ID || form.client_secret !== APP_PASSWORD) {
        return [401, { error: 'invalid_client' }];
      }
      const audience = String(form.scope ?? '').replace(/\/\.default$/, '');
      const accessToken = jwt.sign(
        { appid: form.client_id, tid: TENANT_ID },
        entraKeys.privateKey,
        {
          algorithm: 'RS256',
          audience,
          issuer: `https://sts.windows.net/${TENANT_ID}/`,
          expiresIn: 3600,
        },
      );
      return [
        200,
        { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken },
      ];
    });

  const connectorAccepts = (authorization: string): boolean => {
    const [scheme, token] = authorization.split(' ');
    if (scheme !== 'Bearer' || !token) return false;
    try {
      const claims = jwt.verify(token, entraKeys.publicKey, {
        algorithms: ['RS256'],
        audience: CONNECTOR_AUDIENCE,
      }) as { appid?: string };
      return claims.appid === APP_ID;
    } catch {
      return false;
    }
  };
  const origin = new URL(TEAMS_SERVICE_URL).origin;
  nock(origin)
    .persist()
    .post(/^\/amer\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/)
    .reply(function reply(uri, body) {
      const authorization = String(this.req.headers.authorization ?? '');
      const post = {
        path: decodeURIComponent(uri),
        body: body as Record<string, unknown>,
        authorization,
      };
      if (!connectorAccepts(authorization)) {
        refused.push(post);
        return [401, { error: { code: 'Unauthorized', message: 'Authorization has been denied' } }];
      }
      posts.push(post);
      return [200, { id: `reply-${posts.length}` }];
    });

  return {
    tokenRequests,
    posts,
    refused,
    channelToken(options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const expiresIn = options.expiresInSeconds ?? 3600;
      return jwt.sign(
        {
          serviceurl: options.serviceUrl ?? TEAMS_SERVICE_URL,
          nbf: Math.min(now, now + expiresIn) - 60,
          exp: now + expiresIn,
        },
        (options.foreignKey ? otherKeys : channelKeys).privateKey,
        {
          algorithm: 'RS256',
          keyid: KEY_ID,
          issuer: CHANNEL_ISSUER,
          audience: options.audience ?? APP_ID,
        },
      );
    },
  };
}

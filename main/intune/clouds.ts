/**
 * The one table of Microsoft clouds the bench can sign in to: the sign-in (authority) host and the Graph root
 * of each, from Microsoft's "national cloud deployments" page (https://learn.microsoft.com/graph/deployments).
 *
 * Only the global cloud is `confirmed`: the Apple Configurator endpoints are beta and rest on a pseudo id, and
 * nobody has yet checked that they answer the same way in the government or China clouds. The others can be
 * chosen only when the admin says so explicitly (`--try-unconfirmed-cloud`), so nobody lands there by accident.
 */
export type CloudName = 'global' | 'usgov-high' | 'usgov-dod' | 'china';

export interface Cloud {
  readonly name: CloudName;
  readonly label: string;
  /** Entra ID sign-in host; the authority is `<loginHost>/<tenant>`. */
  readonly loginHost: string;
  /** Graph root without a version: `/beta/…` and `/v1.0/…` are appended. */
  readonly graphRoot: string;
  /** True once a real tenant answered the beta Apple Configurator endpoints in this cloud. */
  readonly confirmed: boolean;
}

export const CLOUDS: Readonly<Record<CloudName, Cloud>> = {
  global: {
    name: 'global',
    label: 'Global (commercial, GCC)',
    loginHost: 'https://login.microsoftonline.com',
    graphRoot: 'https://graph.microsoft.com',
    confirmed: true,
  },
  'usgov-high': {
    name: 'usgov-high',
    label: 'US Government GCC High',
    loginHost: 'https://login.microsoftonline.us',
    graphRoot: 'https://graph.microsoft.us',
    confirmed: false,
  },
  'usgov-dod': {
    name: 'usgov-dod',
    label: 'US Government DoD',
    loginHost: 'https://login.microsoftonline.us',
    graphRoot: 'https://dod-graph.microsoft.us',
    confirmed: false,
  },
  china: {
    name: 'china',
    label: 'China (operated by 21Vianet)',
    loginHost: 'https://login.chinacloudapi.cn',
    graphRoot: 'https://microsoftgraph.chinacloudapi.cn',
    confirmed: false,
  },
};

export const CLOUD_NAMES = Object.keys(CLOUDS) as CloudName[];

export function isCloudName(text: string): text is CloudName {
  return Object.hasOwn(CLOUDS, text);
}

/**
 * The Graph root to call: `ENROLL_BENCH_GRAPH_URL` when set (a local fake, or Microsoft's Dev Proxy), else the
 * cloud's. Only http(s) URLs without a path, query or credentials are accepted, so a typo cannot send a token
 * somewhere odd; plain http is accepted only for a loopback host.
 */
export function graphRootFor(cloud: Cloud, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.ENROLL_BENCH_GRAPH_URL?.trim();
  if (!override) return cloud.graphRoot;
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    throw new Error(`ENROLL_BENCH_GRAPH_URL is not a URL: set it like https://graph.microsoft.com`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
  if (
    !schemeOk ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    url.pathname.replace(/\/+$/, '')
  ) {
    throw new Error(
      'ENROLL_BENCH_GRAPH_URL must be only a scheme and host (https://…, or http:// on this Mac), such as http://127.0.0.1:8080',
    );
  }
  return `${url.protocol}//${url.host}`;
}

/** Delegated Graph permissions the bench asks for, as scopes for the given Graph root. */
export const READ_PERMISSIONS = [
  'DeviceManagementServiceConfig.Read.All',
  'DeviceManagementManagedDevices.Read.All',
] as const;

/** Asked for incrementally, only once serial push (issue 25) is turned on. */
export const PUSH_PERMISSIONS = [...READ_PERMISSIONS, 'DeviceManagementServiceConfig.ReadWrite.All'] as const;

export function scopesFor(cloud: Cloud, permissions: readonly string[] = READ_PERMISSIONS): string[] {
  return permissions.map((p) => `${cloud.graphRoot}/${p}`);
}

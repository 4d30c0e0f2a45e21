/**
 * Test fixtures generated at run time: profiles as plist objects, XML and binary bytes, CMS-signed copies made
 * with the openssl CLI (argument arrays, no shell), and the wrong files operators drop.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, buildBinary, type PlistValue } from 'plist';
import { buildSelfSignedCertificate, generateRsaKeyPair } from '../../../main/identity/build-certificate';

const run = promisify(execFile);

export const CHALLENGE = 'S3cr3t-Ch4llenge';
export const P12_PASSWORD = 'P12-Pa55word-xyz';
export const TOPIC = 'com.apple.mgmt.External.3f1c7a2e-5b4d-4e8f-9a0b-1c2d3e4f5a6b';
export const IDENTIFIER = 'com.microsoft.intune.enrollment.3f1c7a2e';

type Dict = { [key: string]: PlistValue };

export interface ProfileOptions {
  readonly variant?: 'scep' | 'acme';
  readonly serverUrl?: string | null;
  readonly checkInUrl?: string | null;
  readonly topic?: string | null;
  readonly identityUuid?: string;
  readonly mdmCount?: number;
  readonly payloads?: Dict[];
  readonly payloadType?: string;
}

export function scepPayload(uuid = 'SCEP-UUID-1'): Dict {
  return {
    PayloadType: 'com.apple.security.scep',
    PayloadUUID: uuid,
    PayloadIdentifier: 'com.microsoft.intune.scep',
    PayloadVersion: 1,
    PayloadContent: {
      URL: 'https://fef.msuc03.manage.microsoft.com/SCEP',
      Challenge: CHALLENGE,
      Keysize: 2048,
      'Key Type': 'RSA',
    },
  };
}

function acmePayload(uuid = 'ACME-UUID-1'): Dict {
  return {
    PayloadType: 'com.apple.security.acme',
    PayloadUUID: uuid,
    PayloadIdentifier: 'com.microsoft.intune.acme',
    PayloadVersion: 1,
    DirectoryURL: 'https://acme.manage.microsoft.com/directory',
    ClientIdentifier: CHALLENGE,
    KeyType: 'ECSECPrimeRandom',
    KeySize: 384,
  };
}

function mdmPayload(opts: ProfileOptions, identityUuid: string, n = 1): Dict {
  const dict: Dict = {
    PayloadType: 'com.apple.mdm',
    PayloadUUID: `MDM-UUID-${n}`,
    PayloadIdentifier: `com.microsoft.intune.mdm.${n}`,
    PayloadVersion: 1,
    IdentityCertificateUUID: opts.identityUuid ?? identityUuid,
    AccessRights: 8191,
    SignMessage: true,
    CheckOutWhenRemoved: true,
  };
  const server =
    opts.serverUrl === undefined
      ? 'https://i.manage.microsoft.com/DeviceGatewayProxy/ioshandler.ashx'
      : opts.serverUrl;
  const checkIn =
    opts.checkInUrl === undefined
      ? 'https://i.manage.microsoft.com/DeviceGatewayProxy/ioscheckinhandler.ashx'
      : opts.checkInUrl;
  const topic = opts.topic === undefined ? TOPIC : opts.topic;
  if (server !== null) dict.ServerURL = server;
  if (checkIn !== null) dict.CheckInURL = checkIn;
  if (topic !== null) dict.Topic = topic;
  return dict;
}

/** An Intune-like direct-enrollment profile (the real layout is unconfirmed: intune.md §3). */
export function profileDict(opts: ProfileOptions = {}): Dict {
  const identity = opts.variant === 'acme' ? acmePayload() : scepPayload();
  const identityUuid = String(identity.PayloadUUID);
  const mdms = Array.from({ length: opts.mdmCount ?? 1 }, (_, i) => mdmPayload(opts, identityUuid, i + 1));
  return {
    PayloadType: opts.payloadType ?? 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: IDENTIFIER,
    PayloadUUID: 'TOP-UUID-1',
    PayloadDisplayName: 'Contoso iPad enrollment',
    PayloadOrganization: 'Contoso Ltd',
    PayloadContent: opts.payloads ?? [identity, ...mdms],
  };
}

export function wifiOnlyDict(): Dict {
  return profileDict({
    payloads: [
      {
        PayloadType: 'com.apple.wifi.managed',
        PayloadUUID: 'WIFI-1',
        PayloadIdentifier: 'wifi',
        PayloadVersion: 1,
        SSID_STR: 'Contoso',
        Password: CHALLENGE,
      },
      {
        PayloadType: 'com.apple.applicationaccess',
        PayloadUUID: 'R-1',
        PayloadIdentifier: 'restrictions',
        PayloadVersion: 1,
      },
    ],
  });
}

export const xmlBytes = (dict: Dict): Uint8Array => new TextEncoder().encode(build(dict));
export const binaryBytes = (dict: Dict): Uint8Array => buildBinary(dict);

export async function openssl(args: readonly string[]): Promise<string> {
  const { stdout } = await run('openssl', [...args], { encoding: 'utf8' });
  return stdout;
}

export async function makeWorkDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'enroll-bench-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export const pem = (label: string, der: Uint8Array): string => {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
};

export interface Signer {
  readonly certPath: string;
  readonly keyPath: string;
}

/** A signer certificate built with pkijs, so its validity can be set in the past. */
export async function makeSigner(
  dir: string,
  name: string,
  notBefore: Date,
  notAfter: Date,
): Promise<Signer> {
  const keys = await generateRsaKeyPair();
  const der = await buildSelfSignedCertificate({
    commonName: name,
    organization: 'Contoso Ltd',
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
  });
  const certPath = path.join(dir, `${name}.crt`);
  const keyPath = path.join(dir, `${name}.key`);
  await writeFile(certPath, pem('CERTIFICATE', der));
  await writeFile(keyPath, pem('PRIVATE KEY', keys.privateKeyPkcs8));
  return { certPath, keyPath };
}

/** `openssl cms|smime -sign -nodetach -outform der`, optionally `-stream` (BER indefinite length). */
export async function signBytes(
  dir: string,
  content: Uint8Array,
  signer: Signer,
  opts: { readonly tool?: 'cms' | 'smime'; readonly stream?: boolean; readonly certfile?: string } = {},
): Promise<Uint8Array> {
  const input = path.join(dir, `in-${Math.random().toString(36).slice(2)}.plist`);
  const output = `${input}.signed`;
  await writeFile(input, content);
  await openssl([
    opts.tool ?? 'cms',
    '-sign',
    '-binary',
    '-nodetach',
    '-outform',
    'DER',
    '-in',
    input,
    '-out',
    output,
    '-signer',
    signer.certPath,
    '-inkey',
    signer.keyPath,
    ...(opts.stream ? ['-stream'] : []),
    ...(opts.certfile ? ['-certfile', opts.certfile] : []),
  ]);
  return new Uint8Array(await readFile(output));
}

export interface Chain {
  readonly root: Signer;
  readonly intermediate: Signer;
  readonly leaf: Signer;
  /** The intermediate's PEM, to put in a signed file beside the leaf. */
  readonly bundle: string;
}

/** A root authority, an intermediate it issued and a signing certificate the intermediate issued (openssl). */
export async function makeChain(dir: string, name: string): Promise<Chain> {
  const at = (part: string) => ({
    certPath: path.join(dir, `${name}-${part}.crt`),
    keyPath: path.join(dir, `${name}-${part}.key`),
  });
  const [root, intermediate, leaf] = [at('root'), at('intermediate'), at('leaf')];
  const ca = [
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ];
  await openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    root.keyPath,
    '-out',
    root.certPath,
    '-subj',
    `/CN=${name} Root CA/O=Test Authority`,
    '-days',
    '30',
    ...ca,
  ]);
  const issue = async (child: Signer, issuer: Signer, subject: string, ext: string) => {
    const csr = `${child.certPath}.csr`;
    const extFile = `${child.certPath}.ext`;
    await writeFile(extFile, ext);
    await openssl([
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      child.keyPath,
      '-out',
      csr,
      '-subj',
      subject,
    ]);
    await openssl([
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      issuer.certPath,
      '-CAkey',
      issuer.keyPath,
      '-CAcreateserial',
      '-out',
      child.certPath,
      '-days',
      '30',
      '-extfile',
      extFile,
    ]);
  };
  await issue(
    intermediate,
    root,
    `/CN=${name} Issuing CA/O=Test Authority`,
    'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n',
  );
  await issue(
    leaf,
    intermediate,
    `/CN=${name} Profile Signer/O=Contoso Ltd`,
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n',
  );
  return { root, intermediate, leaf, bundle: intermediate.certPath };
}

/** Flips one letter of the organization name inside the signed content, leaving the signature as it was. */
export function tamper(signed: Uint8Array): Uint8Array {
  const copy = signed.slice();
  const needle = new TextEncoder().encode('Contoso Ltd');
  for (let i = 0; i + needle.length <= copy.length; i++) {
    if (needle.every((b, j) => copy[i + j] === b)) {
      copy[i] = 'K'.charCodeAt(0);
      return copy;
    }
  }
  throw new Error('organization name not found in the signed bytes');
}

/** `openssl pkcs12 -export` of a fresh key and certificate; `legacy` gives the 3DES/RC2 layout macOS exports. */
export async function makeP12(
  dir: string,
  password: string,
  opts: { readonly legacy?: boolean; readonly name?: string } = {},
): Promise<Uint8Array> {
  const name = opts.name ?? 'Contoso Supervision';
  const signer = await makeSigner(
    dir,
    name,
    new Date(Date.now() - 86_400_000),
    new Date(Date.now() + 365 * 86_400_000),
  );
  const out = path.join(dir, `identity-${opts.legacy ? 'legacy' : 'modern'}.p12`);
  await openssl([
    'pkcs12',
    '-export',
    '-in',
    signer.certPath,
    '-inkey',
    signer.keyPath,
    '-out',
    out,
    '-passout',
    `pass:${password}`,
    '-name',
    name,
    ...(opts.legacy ? ['-legacy'] : []),
  ]);
  return new Uint8Array(await readFile(out));
}

/** An ADE server token look-alike: S/MIME enveloped data with MIME headers (`openssl smime -encrypt`). */
export async function makeAdeToken(dir: string): Promise<Uint8Array> {
  const signer = await makeSigner(
    dir,
    'ade-recipient',
    new Date(Date.now() - 86_400_000),
    new Date(Date.now() + 86_400_000),
  );
  const input = path.join(dir, 'token.json');
  const out = path.join(dir, 'server_token.p7m');
  await writeFile(input, '{"consumer_key":"CK_x","access_secret":"AS_x"}');
  await openssl(['smime', '-encrypt', '-aes256', '-in', input, '-out', out, signer.certPath]);
  return new Uint8Array(await readFile(out));
}

/** The same token as binary DER (`openssl cms -encrypt -outform der`). */
export async function makeEnvelopedDer(dir: string): Promise<Uint8Array> {
  const signer = await makeSigner(
    dir,
    'ade-der',
    new Date(Date.now() - 86_400_000),
    new Date(Date.now() + 86_400_000),
  );
  const input = path.join(dir, 'token2.json');
  const out = path.join(dir, 'token2.der');
  await writeFile(input, '{"consumer_key":"CK_y"}');
  await openssl([
    'cms',
    '-encrypt',
    '-aes256',
    '-outform',
    'DER',
    '-in',
    input,
    '-out',
    out,
    signer.certPath,
  ]);
  return new Uint8Array(await readFile(out));
}

export const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A minimal PDF and zip: the sniffer only needs their real magic numbers and some body. */
export const pdfBytes = (): Uint8Array =>
  ascii('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export function zipBytes(): Uint8Array {
  // One stored, empty file "a.mobileconfig" followed by the end-of-central-directory record.
  const header = [
    0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 14, 0, 0, 0,
  ];
  return new Uint8Array([
    ...header,
    ...ascii('a.mobileconfig'),
    0x50,
    0x4b,
    0x05,
    0x06,
    ...new Array<number>(18).fill(0),
  ]);
}

/**
 * The valid files both profile fuzz suites grow their inputs from: XML, binary (ACME), CMS-signed (DER and BER
 * stream, of XML and of binary), a .p12 and an ADE token. The first five are the profiles proper.
 */
export async function fuzzSeedFiles(dir: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  const signer = await makeSigner(
    dir,
    'Fuzz Signer',
    new Date(Date.now() - 86_400_000),
    new Date(Date.now() + 86_400_000 * 30),
  );
  const xml = xmlBytes(profileDict());
  const binary = binaryBytes(profileDict());
  return [
    { name: 'xml', bytes: xml },
    { name: 'binary', bytes: binaryBytes(profileDict({ variant: 'acme' })) },
    { name: 'signed', bytes: await signBytes(dir, xml, signer) },
    { name: 'signed-stream', bytes: await signBytes(dir, xml, signer, { stream: true }) },
    { name: 'signed-binary', bytes: await signBytes(dir, binary, signer) },
    { name: 'signed-binary-stream', bytes: await signBytes(dir, binary, signer, { stream: true }) },
    { name: 'p12', bytes: await makeP12(dir, P12_PASSWORD) },
    { name: 'ade', bytes: await makeAdeToken(dir) },
  ];
}

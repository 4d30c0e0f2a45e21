/**
 * The profile and supervision-identity invoke channels, and the events they push, over the two services.
 *
 * Arguments arrive already shape-checked by main/dispatch/validate-profile-args.ts; this layer decodes base64,
 * applies the 5 MB limit, and turns service results into `Result`s. Only summaries cross to a UI: never the
 * profile bytes, the private key or the password (issue 4 requirements 4 and 5).
 */
import type { InvokeChannels } from '../../preload/contract';
import type { EngineStatus, IdentitySummary, ProfileSummary, Result } from '../../preload/domain';
import type { EventHub } from '../events/event-hub';
import { invalidRequest } from '../errors/bench-error';
import type { IdentityService } from '../identity/identity-service';
import { MAX_PROFILE_BYTES } from './detect-file-kind';
import type { ProfileService } from './profile-service';
import { TRAINING_FILE_NAME, trainingProfileBytes, trainingRefusal } from './training-profile';

export type ProfileChannelName =
  | 'importProfile'
  | 'useTrainingProfile'
  | 'getProfile'
  | 'overrideProfileAge'
  | 'importSupervisionIdentity'
  | 'createSupervisionIdentity'
  | 'getSupervisionIdentity';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Decodes strict base64 of at most 5 MB; the refusal says why in plain words. */
export function decodeBase64Payload(data: string, what: string): Uint8Array {
  if (data.length > Math.ceil(MAX_PROFILE_BYTES / 3) * 4 + 4) {
    throw invalidRequest(`The ${what} is larger than 5 MB; that is not an enrollment profile or identity.`);
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) {
    throw invalidRequest(`The ${what} did not arrive as valid base64 data.`);
  }
  const bytes = new Uint8Array(Buffer.from(data, 'base64'));
  if (bytes.length > MAX_PROFILE_BYTES) throw invalidRequest(`The ${what} is larger than 5 MB.`);
  return bytes;
}

export class ProfileChannels implements Pick<InvokeChannels, ProfileChannelName> {
  constructor(
    private readonly profiles: ProfileService,
    private readonly identities: IdentityService,
    /** The engine in use, for the training profile (simulator only); unknown means refused. */
    private readonly engine: () => Pick<EngineStatus, 'kind'> | undefined = () => undefined,
  ) {}

  /** Loads the generated training profile; refused unless the engine is the simulator. */
  async useTrainingProfile(): Promise<Result<ProfileSummary>> {
    const refusal = trainingRefusal(this.engine());
    if (refusal) throw refusal;
    return ok(
      await this.profiles.importBytes({
        fileName: TRAINING_FILE_NAME,
        bytes: trainingProfileBytes(),
        source: 'renderer',
      }),
    );
  }

  /** Forwards service changes to every UI as `profileChanged` / `identityChanged`. Returns an unsubscribe. */
  wire(hub: EventHub): () => void {
    const offProfile = this.profiles.onChanged((profile) => hub.emit('profileChanged', { profile }));
    const offIdentity = this.identities.onChanged((identity) => hub.emit('identityChanged', { identity }));
    return () => {
      offProfile();
      offIdentity();
    };
  }

  async importProfile(req: {
    readonly fileName: string;
    readonly dataBase64: string;
    readonly lastModified?: number;
  }): Promise<Result<ProfileSummary>> {
    const bytes = decodeBase64Payload(req.dataBase64, 'profile file');
    return ok(
      await this.profiles.importBytes({
        fileName: req.fileName,
        bytes,
        fileModifiedAt: req.lastModified,
        source: 'renderer',
      }),
    );
  }

  async getProfile(): Promise<Result<ProfileSummary | null>> {
    return ok(this.profiles.current());
  }

  async overrideProfileAge(req: { readonly reason: string }): Promise<Result<ProfileSummary>> {
    return ok(await this.profiles.overrideAge(req.reason));
  }

  async importSupervisionIdentity(req: {
    readonly fileName: string;
    readonly dataBase64: string;
    readonly password: string;
  }): Promise<Result<IdentitySummary>> {
    const bytes = decodeBase64Payload(req.dataBase64, 'identity file');
    return ok(await this.identities.importP12({ fileName: req.fileName, bytes, password: req.password }));
  }

  async createSupervisionIdentity(req: {
    readonly organizationName: string;
  }): Promise<Result<IdentitySummary>> {
    return ok(await this.identities.create(req.organizationName));
  }

  async getSupervisionIdentity(): Promise<Result<IdentitySummary | null>> {
    return ok(this.identities.current());
  }
}

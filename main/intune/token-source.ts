/** Where a Graph access token comes from: an MSAL sign-in, a script's token file, or the simulator. */
export interface AccessToken {
  readonly token: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

export interface TokenSource {
  readonly kind: 'sign-in' | 'token-file' | 'simulated';
  getToken(): Promise<AccessToken>;
}

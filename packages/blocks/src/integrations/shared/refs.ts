/** A credentials reference as a node's input holds it, for the blocks' offline self-tests. */
export function credentialsRef(provider: string) {
  return { id: `${provider}-test`, provider, type: 'api_key', title: provider } as const;
}

/** The reference plus the resolved secret, as `tests[].credentials` takes it. */
export function resolvedCredentials(provider: string, apiKey = 'unused') {
  return { credentials: { ...credentialsRef(provider), api_key: apiKey } };
}

/** The token request every bench page makes the same way (the token endpoint of src/server/). */
export async function fetchToken(
  tokenUrl: string,
  identity: string,
  name: string,
): Promise<{ token: string; url: string }> {
  const reply = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identity, name }),
  });
  if (!reply.ok) throw new Error(`token: HTTP ${reply.status}`);
  return (await reply.json()) as { token: string; url: string };
}

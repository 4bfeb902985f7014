const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One argument as a POSIX shell reads it back unchanged. */
export function shellQuote(arg: string): string {
  if (arg !== '' && SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command as a person pastes it into a shell: environment assignments first, then the
 * quoted argv; text fed on stdin becomes a quoted here-document.
 */
export function pasteableCommand(spec: { file: string; args: readonly string[]; env?: Readonly<Record<string, string>>; input?: string }): string {
  const env = Object.entries(spec.env ?? {}).map(([k, v]) => `${k}=${shellQuote(v)}`);
  const line = [...env, shellQuote(spec.file), ...spec.args.map(shellQuote)].join(' ');
  if (spec.input === undefined) return line;
  const body = spec.input.endsWith('\n') ? spec.input : `${spec.input}\n`;
  return `${line} <<'EOF'\n${body}EOF`;
}

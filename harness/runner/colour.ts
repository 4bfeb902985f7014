const CODES = { green: 32, red: 31, yellow: 33, dim: 2 } as const;

export type Colour = keyof typeof CODES;

/** ANSI colouring that is on only for a TTY and when NO_COLOR is unset. */
export function colourizer(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>> = process.env) {
  const enabled = stream.isTTY === true && env.NO_COLOR === undefined;
  return (colour: Colour, text: string): string => (enabled ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text);
}

// CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks, titles).
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** The text without terminal escape sequences, which error messages sometimes carry. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Errno codes of file-system calls, in words a user can act on. */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'it exists and is not a folder',
  ENOENT: 'no such file or folder',
  ENXIO: 'nothing reads from it (a pipe or device)',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links',
  EIO: 'input/output error',
};

/** One short reason for a failed file-system call: words, then the code (`permission denied (EACCES)`). */
export function fsReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return `${REASONS[code] ?? 'file-system error'} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** A file-system failure whose message is already one line for the user. */
export class OutputPathError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OutputPathError';
  }
}

import { describe, expect, it } from 'vitest';
import { parseArgv } from '../../harness/cli/parse-argv.ts';
import { ConfigError } from '../../harness/errors.ts';

describe('version command', () => {
  it('is a command of its own; --version stays the implementation version of a run', () => {
    expect(parseArgv(['version'])).toEqual({ command: 'version' });
    expect(parseArgv(['--version', 'v1.2.3'])).toEqual({ command: 'run', flags: { version: 'v1.2.3' } });
  });

  it('takes no flags', () => {
    expect(() => parseArgv(['version', '--json'])).toThrow(ConfigError);
    expect(() => parseArgv(['version', '--version', 'v1'])).toThrow(/version takes no flags/);
  });
});

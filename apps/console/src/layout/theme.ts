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

/**
 * WCAG AA (4.5:1 for text): react-admin's light app bar (#2196f3, 3.1:1 with white), MUI's primary (#1976d2,
 * 4.4:1 on the page's #fafafb), warning
 * (#ed6c02, 3.1:1) and info (#0288d1, 3.9:1) text on white are too pale; these are the same hues, darker.
 */
const lightPalette: RaThemeOptions = {
  palette: {
    primary: { light: '#42a5f5', main: '#1565c0', dark: '#0d47a1', contrastText: '#fff' },
    secondary: { light: '#5e92f3', main: '#1565c0', dark: '#0d47a1', contrastText: '#fff' },
    warning: { main: '#b45309', light: '#d97706', dark: '#92400e', contrastText: '#fff' },
    info: { main: '#0277bd', light: '#0288d1', dark: '#01579b', contrastText: '#fff' },
  },
};

export const lightTheme: RaThemeOptions = deepmerge(deepmerge(defaultLightTheme, overrides), lightPalette);
export const darkTheme: RaThemeOptions = deepmerge(defaultDarkTheme, {
  ...overrides,
  // MUI's dark error (#f44336) is 3.5:1 on react-admin's dark page (#313131); this one 5.7:1.
  palette: { error: { main: '#ff8a80', light: '#ffbcaf', dark: '#f44336', contrastText: '#000' } },
  components: {
    ...overrides.components,
    MuiCssBaseline: { styleOverrides: { ':root': { '--pk-focus': '#90caf9' } } },
  },
});

/**
 * naive-ui theme overrides: the stock greens, blues and ambers are too light for text on
 * white (WCAG AA wants 4.5:1), so the light theme uses darker shades; the dark theme keeps
 * naive's pastel colours, which already contrast with its dark surfaces.
 */
import type { GlobalThemeOverrides } from 'naive-ui'

const fonts = {
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, Cantarell, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMono: 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace',
}

export const lightOverrides: GlobalThemeOverrides = {
  common: {
    ...fonts,
    primaryColor: '#0b6e3d',
    primaryColorHover: '#0f7f47',
    primaryColorPressed: '#085a31',
    primaryColorSuppl: '#0f7f47',
    successColor: '#0b6e3d',
    successColorHover: '#0f7f47',
    successColorPressed: '#085a31',
    successColorSuppl: '#0f7f47',
    infoColor: '#1659b3',
    infoColorHover: '#1d68cc',
    infoColorPressed: '#114a96',
    infoColorSuppl: '#1d68cc',
    warningColor: '#8a5300',
    warningColorHover: '#9c5e00',
    warningColorPressed: '#744600',
    warningColorSuppl: '#9c5e00',
    errorColor: '#b3203a',
    errorColorHover: '#c42944',
    errorColorPressed: '#961a30',
    errorColorSuppl: '#c42944',
    textColor3: '#5c6166',
    placeholderColor: '#6b7075',
  },
  Empty: { textColor: '#5c6166' },
  // The selected segment of a radio-button group is filled, as in the dark theme: an outline
  // alone reads the same as the focus ring, so two options looked selected at once.
  Radio: { buttonColorActive: '#0b6e3d', buttonTextColorActive: '#ffffff', buttonBorderColorActive: '#0b6e3d' },
}

export const darkOverrides: GlobalThemeOverrides = {
  common: {
    ...fonts,
    textColor3: 'rgba(255, 255, 255, 0.62)',
    placeholderColor: 'rgba(255, 255, 255, 0.5)',
  },
  Empty: { textColor: 'rgba(255, 255, 255, 0.62)' },
}

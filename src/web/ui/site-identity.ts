/**
 * How the site presents itself to browsers and search engines: its name and theme colour (the
 * icon's background), shared by the page head and the web app manifest.
 */
export const SITE_NAME = 'Epirank';
export const THEME_COLOUR = '#5b3fc4';

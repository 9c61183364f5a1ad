import { esc } from './escape.js';
import { STYLE } from './style.js';

/** The whole page around the report's blocks (already-escaped HTML), in en-GB. */
export const page = (title: string, blocks: string[]): string => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${blocks.join('\n')}
</main>
</body>
</html>
`;

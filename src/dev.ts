// `npm run dev`: the server in development mode (error details on pages), unless NODE_ENV says otherwise.
process.env.NODE_ENV ||= 'development';
await import('./main.ts');

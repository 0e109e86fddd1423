// Shared by vite-plugin-svelte and svelte-check: every component in this project uses runes.
export default {
  compilerOptions: { runes: true },
};

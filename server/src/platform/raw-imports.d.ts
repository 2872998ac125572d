/** `import text from './file?raw'`: the file's text, inlined by the build (Vite). */
declare module '*?raw' {
  const text: string;
  export default text;
}

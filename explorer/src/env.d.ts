/// <reference types="vite/client" />

declare module 'virtual:readme-examples' {
  const examples: { title: string; query: string }[];
  export default examples;
}

declare module 'virtual:schema' {
  const sdl: string;
  export default sdl;
}

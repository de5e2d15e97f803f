export * from './db';
export default function noop() {}

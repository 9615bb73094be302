import type { Server } from 'node:http';

export function startStaticServer(options?: { root?: string; port?: number }): Promise<Server>;

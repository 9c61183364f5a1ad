import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './context.js';

export type App = OpenAPIHono<AppEnv>;

/** A group of routes: registers its routes (with their OpenAPI definitions) on the app. */
export type RouteModule = (app: App, deps: AppDeps) => void;

/** Which Lambda function serves a group in AWS (locally one process serves every group). */
export type ServedBy = 'api' | 'documents';

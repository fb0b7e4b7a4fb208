import type { AsyncLocalStorage } from "node:async_hooks";
import type { DestinationStream, Logger } from "pino";
import type { Histogram, Metric, Registry } from "prom-client";

export function requestStorage(): AsyncLocalStorage<{ requestId: string }>;
export function createLogger(destination?: DestinationStream, level?: string): Logger;
export function onShutdown(hook: () => Promise<void> | void): void;
export function shutdownHooks(): (() => Promise<void> | void)[];

export function acceptRequestId(header: string | string[] | undefined | null, fresh: () => string): string;
export function routeLabel(path: string, status: number): string;
export const MAX_ROUTE_LABELS: number;
export function opsRegistry(): Registry;
export function sharedMetric<M extends Metric>(name: string, make: () => M): M;
export function httpDurationMetric(): Histogram<"method" | "route" | "status">;

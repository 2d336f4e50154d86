import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/auth/roles.decorator';
import type { TestApp } from './test-app';

export interface RegisteredRoute {
  name: string;
  method: RequestMethod;
  /** Full path under /api with Nest's `:param` placeholders. */
  path: string;
  isPublic: boolean;
  roles?: string[];
}

/** Every route the app registered, with the access it declares on the handler or its controller. */
export function registeredRoutes(t: TestApp): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (controller) routes.push(...routesOf(controller));
    }
  }
  return routes;
}

function routesOf(controller: new (...args: never[]) => object): RegisteredRoute[] {
  const prototype = controller.prototype as Record<string, unknown>;
  const base = String(Reflect.getMetadata(PATH_METADATA, controller));
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    const handler = prototype[name];
    if (name === 'constructor' || typeof handler !== 'function') return [];
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    if (method === undefined) return [];
    const read = <T>(key: string): T | undefined =>
      (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T | undefined;
    return [read<string | string[]>(PATH_METADATA)].flat().map((path) => ({
      name: `${controller.name}.${name}`,
      method,
      path: `/api/${[base, path ?? ''].filter((part) => part && part !== '/').join('/')}`,
      isPublic: read<boolean>(PUBLIC_KEY) === true,
      roles: read<string[]>(ROLES_KEY),
    }));
  });
}

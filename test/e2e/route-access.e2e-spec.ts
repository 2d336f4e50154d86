import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/auth/roles.decorator';
import { startTestApp, type TestApp } from '../support/test-app';

interface RouteAccess {
  route: string;
  isPublic: boolean;
  roles?: string[];
}

/** Every registered route, with the access it declares on the handler or its controller. */
function registeredRoutes(t: TestApp): RouteAccess[] {
  const routes: RouteAccess[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const read = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T | undefined;
        routes.push({
          route: `${controller.name}.${name} ${String(Reflect.getMetadata(PATH_METADATA, controller))}`,
          isPublic: read<boolean>(PUBLIC_KEY) === true,
          roles: read<string[]>(ROLES_KEY),
        });
      }
    }
  }
  return routes;
}

describe('route access declarations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds the registered routes', () => {
    expect(registeredRoutes(t).map((r) => r.route)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('HealthController.check'),
        expect.stringContaining('PrincipalsController.create'),
      ]),
    );
  });

  it('every route is public or declares its roles, never neither and never both', () => {
    const undeclared = registeredRoutes(t).filter(
      (r) => r.isPublic === (r.roles !== undefined && r.roles.length > 0),
    );
    expect(undeclared).toEqual([]);
  });
});

import { registeredRoutes } from '../support/routes';
import { startTestApp, type TestApp } from '../support/test-app';

describe('route access declarations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds the registered routes', () => {
    expect(registeredRoutes(t).map((r) => r.name)).toEqual(
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

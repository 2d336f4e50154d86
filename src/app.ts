import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import type { Clock } from './common/clock';
import { definitionJsonBody, jsonBody } from './common/json-body';
import { requestIdFor } from './common/request-id';
import { createValidationPipe } from './common/validation';

/** Builds the whole service (API, docs, console) without listening, so tests boot the same thing. */
export async function createApp(config: AppConfig, clock?: Clock): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, clock), {
    bodyParser: false,
    bufferLogs: true,
    // Start-up errors reach main(), which reports them in one line instead of exiting here.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(
    (req: Parameters<typeof requestIdFor>[0], res: Parameters<typeof requestIdFor>[1], next: () => void) => {
      requestIdFor(req, res);
      next();
    },
  );
  app.use('/api/definitions', ...definitionJsonBody());
  app.use(...jsonBody());
  app.setGlobalPrefix('api', { exclude: ['/', '/console/{*path}'] });
  app.useGlobalPipes(createValidationPipe());
  setUpOpenApi(app);
  return app;
}

function setUpOpenApi(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Waypost API')
      .setDescription(
        'Lifecycle supervision of publicly funded industrialization projects. ' +
          'Errors are RFC 9457 application/problem+json documents.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key issued by the bureau' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
}

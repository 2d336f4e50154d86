import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '../auth/roles.decorator';
import { ProblemException } from '../common/problem';
import { assetPath, consoleAssetsDir, contentTypeOf } from './console-assets';

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>Waypost</title>
<p>控制台尚未构建，请运行 <code>npm run build</code>。 The console is not built: run <code>npm run build</code>.</p>`;

/** Serves the web console: the page at `/`, its bundle under `/console/`. */
@ApiExcludeController()
@Controller()
export class ConsoleController {
  private readonly root = consoleAssetsDir();

  @Get()
  @Public()
  @Header('Cache-Control', 'no-cache')
  index(@Res() res: Response): void {
    const index = join(this.root, 'index.html');
    if (!existsSync(index)) {
      res.status(503).type('text/html; charset=utf-8').send(NOT_BUILT);
      return;
    }
    res.type('text/html; charset=utf-8').sendFile(index);
  }

  @Get('console/{*path}')
  @Public()
  asset(@Param('path') path: string[] | string, @Res() res: Response): void {
    const requested = Array.isArray(path) ? path.join('/') : path;
    const file = assetPath(this.root, requested);
    const type = file === undefined ? undefined : contentTypeOf(file);
    if (file === undefined || type === undefined || !isFile(file)) {
      throw ProblemException.notFound(`No console asset at /console/${requested}.`);
    }
    // Chunk names carry a content hash, so they may be cached for good; the entry names may not.
    const hashed = /-[A-Z0-9]{8}\.(js|css)$/.test(file);
    res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.type(type).sendFile(file);
  }
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

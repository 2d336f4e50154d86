import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller';
import { MeController } from './me.controller';

@Module({ controllers: [ConsoleController, MeController] })
export class ConsoleModule {}

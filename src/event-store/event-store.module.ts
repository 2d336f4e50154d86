import { Module } from '@nestjs/common';
import { PreparedSql } from '../database/prepared-sql';
import { EventStore } from './event-store';

@Module({ providers: [EventStore, PreparedSql], exports: [EventStore] })
export class EventStoreModule {}

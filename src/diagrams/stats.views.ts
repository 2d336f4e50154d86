import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class StateCountView {
  @ApiProperty({ description: 'Projects in this state now' }) now!: number;
  @ApiProperty({ description: 'Distinct projects that ever reached this state' }) ever!: number;
}

export class DefinitionStatsView {
  @ApiProperty({ example: 'industrial-project' }) key!: string;
  @ApiPropertyOptional({ description: 'Absent: every version of the definition together' }) version?: number;
  @ApiProperty({
    description: 'By state path (construction.active); ancestors count too',
    example: { acceptance: { now: 3, ever: 65 }, accepted: { now: 20, ever: 20 } },
  })
  states!: Record<string, StateCountView>;
}

export class TotalsView {
  @ApiProperty() projects!: number;
  @ApiProperty({ description: 'Not yet in a final state' }) active!: number;
  @ApiProperty({ description: 'In a final state' }) done!: number;
  @ApiProperty({ description: 'Flagged overdue now' }) overdue!: number;
}

export class FunnelView {
  @ApiProperty({ description: 'Projects that ever applied for acceptance (reached acceptance)' })
  appliedForAcceptance!: number;
  @ApiProperty({ description: 'Projects with a recorded mock defense' }) mockDefenseHeld!: number;
  @ApiProperty({ description: 'Projects that passed acceptance (reached accepted)' }) passed!: number;
  @ApiProperty({ description: 'Projects with at least one failed expert verdict' }) failed!: number;
}

export class StatsView {
  @ApiProperty({ type: [DefinitionStatsView] }) definitions!: DefinitionStatsView[];
  @ApiProperty({ type: TotalsView }) totals!: TotalsView;
  @ApiProperty({ type: FunnelView }) funnel!: FunnelView;
}

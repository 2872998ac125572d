import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { uid } from '../../../plugin/model';
import { joinTableOf, tableOf } from '../database';
import { scopedByRelations, toInt, type AnalyticsScope } from './scope';

/**
 * Activation (SPEC §9): of the partners who joined a program in the range (an approved
 * enrollment created in it), those who reached the program's `activationEvent` by the end of
 * the range. `enrollment.activatedAt` counts when set; otherwise the first event is looked up:
 * a human click, a referral, a conversion (a referral's `convertedAt`) or a level-1 commission
 * that was not rejected, of that partner in that program. Partners count once, however many
 * programs they joined.
 */
export const activationCounts = async (
  strapi: Core.Strapi,
  knex: Knex,
  scope: AnalyticsScope
): Promise<{ joined: number; activated: number }> => {
  const joinedQuery = () => {
    const scoped = scopedByRelations(strapi, knex, 'enrollment', 'e', scope, { joinProgram: true });
    scoped.query
      .where('e.status', 'approved')
      .where('e.created_at', '>=', scope.start)
      .where('e.created_at', '<', scope.end);
    return scoped;
  };

  const joined = joinedQuery();
  const [joinedRow] = await joined.query.countDistinct({ count: joined.partnerColumn });

  const { query, partnerColumn, programColumn } = joinedQuery();
  query.join(`${tableOf(strapi, uid('program'))} as p`, 'p.id', programColumn);
  /** A row of `name` of this enrollment's partner and program, before the end of the range. */
  const eventOf = (name: 'referral' | 'commission', alias: string) => {
    const model = uid(name);
    const byPartner = joinTableOf(strapi, model, 'partner');
    const byProgram = joinTableOf(strapi, model, 'program');
    return knex(`${tableOf(strapi, model)} as ${alias}`)
      .select(knex.raw('1'))
      .join(
        `${byPartner.table} as ${alias}_pa`,
        `${alias}_pa.${byPartner.ownerColumn}`,
        `${alias}.id`
      )
      .join(
        `${byProgram.table} as ${alias}_pr`,
        `${alias}_pr.${byProgram.ownerColumn}`,
        `${alias}.id`
      )
      .where(`${alias}_pa.${byPartner.targetColumn}`, knex.ref(partnerColumn))
      .where(`${alias}_pr.${byProgram.targetColumn}`, knex.ref(programColumn));
  };
  query.where((activated) => {
    activated
      .where((set) => set.whereNotNull('e.activated_at').where('e.activated_at', '<', scope.end))
      .orWhere((click) =>
        click.where('p.activation_event', 'first-click').whereExists(
          knex(`${tableOf(strapi, uid('click'))} as c`)
            .select(knex.raw('1'))
            .where('c.partner_id', knex.ref(partnerColumn))
            .where('c.program_id', knex.ref(programColumn))
            .where('c.is_bot', false)
            .where('c.created_at', '<', scope.end)
        )
      )
      .orWhere((referral) =>
        referral
          .where('p.activation_event', 'first-referral')
          .whereExists(
            eventOf('referral', 'r')
              .whereNot('r.status', 'rejected')
              .where('r.created_at', '<', scope.end)
          )
      )
      .orWhere((conversion) =>
        conversion
          .where('p.activation_event', 'first-conversion')
          .whereExists(
            eventOf('referral', 'r')
              .whereNotNull('r.converted_at')
              .where('r.converted_at', '<', scope.end)
          )
      )
      .orWhere((commission) =>
        commission
          .where('p.activation_event', 'first-commission')
          .whereExists(
            eventOf('commission', 'k')
              .where('k.level', 1)
              .whereNot('k.status', 'rejected')
              .where('k.created_at', '<', scope.end)
          )
      );
  });
  const [activatedRow] = await query.countDistinct({ count: partnerColumn });
  return { joined: toInt(joinedRow?.count), activated: toInt(activatedRow?.count) };
};

import { invalidParameter } from '../../core/errors';
import type { Input } from '../../core/params';
import type { SchemaAttribute, UserPool } from '../../state/model';

const str = (name: string, min = '0', max = '2048', mutable = true): SchemaAttribute => ({
  Name: name,
  AttributeDataType: 'String',
  DeveloperOnlyAttribute: false,
  Mutable: mutable,
  Required: false,
  StringAttributeConstraints: { MinLength: min, MaxLength: max },
});
const bool = (name: string): SchemaAttribute => ({
  Name: name,
  AttributeDataType: 'Boolean',
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
});

/** The standard attributes every user pool has, as DescribeUserPool lists them. */
export function standardSchema(): SchemaAttribute[] {
  return [
    { ...str('sub', '1', '2048', false), Required: true },
    str('name'),
    str('given_name'),
    str('family_name'),
    str('middle_name'),
    str('nickname'),
    str('preferred_username'),
    str('profile'),
    str('picture'),
    str('website'),
    str('email'),
    bool('email_verified'),
    str('gender'),
    str('birthdate', '10', '10'),
    str('zoneinfo'),
    str('locale'),
    str('phone_number'),
    bool('phone_number_verified'),
    str('address'),
    {
      Name: 'updated_at',
      AttributeDataType: 'Number',
      DeveloperOnlyAttribute: false,
      Mutable: true,
      Required: false,
      NumberAttributeConstraints: { MinValue: '0' },
    },
  ];
}

const DATA_TYPES = ['String', 'Number', 'DateTime', 'Boolean'];

/** Applies CreateUserPool's `Schema` to the standard schema: standard entries are adjusted, others become `custom:*`. */
export function buildSchema(entries: Input[] | undefined): SchemaAttribute[] {
  const schema = standardSchema();
  for (const e of entries ?? []) {
    const rawName = typeof e.Name === 'string' ? e.Name : '';
    if (!/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,20}$/u.test(rawName))
      throw invalidParameter(`Invalid schema attribute name '${rawName}'.`);
    const type = e.AttributeDataType ?? 'String';
    if (typeof type !== 'string' || !DATA_TYPES.includes(type))
      throw invalidParameter(`Invalid AttributeDataType for ${rawName}.`);
    const standard = schema.find((a) => a.Name === rawName);
    if (standard) {
      if (typeof e.Required === 'boolean') standard.Required = e.Required;
      if (typeof e.Mutable === 'boolean') standard.Mutable = e.Mutable;
      continue;
    }
    const name = rawName.startsWith('custom:') ? rawName : `custom:${rawName}`;
    if (schema.some((a) => a.Name === name)) throw invalidParameter(`Duplicate schema attribute ${name}.`);
    if (e.Required === true)
      throw invalidParameter('Required custom attributes are not supported currently.');
    const attr: SchemaAttribute = {
      Name: name,
      AttributeDataType: type as SchemaAttribute['AttributeDataType'],
      DeveloperOnlyAttribute: e.DeveloperOnlyAttribute === true,
      Mutable: e.Mutable !== false,
      Required: false,
    };
    const sc = e.StringAttributeConstraints as SchemaAttribute['StringAttributeConstraints'] | undefined;
    const nc = e.NumberAttributeConstraints as SchemaAttribute['NumberAttributeConstraints'] | undefined;
    if (attr.AttributeDataType === 'String') attr.StringAttributeConstraints = { ...(sc ?? {}) };
    if (attr.AttributeDataType === 'Number') attr.NumberAttributeConstraints = { ...(nc ?? {}) };
    schema.push(attr);
  }
  return schema;
}

export function schemaAttribute(pool: UserPool, name: string): SchemaAttribute | undefined {
  return pool.schema.find((a) => a.Name === name);
}

/**
 * Validates attributes an administrator writes. `creating` allows immutable attributes to be set once.
 */
export function validateAttributeWrites(
  pool: UserPool,
  attrs: Array<{ Name: string; Value: string }>,
  creating: boolean,
): void {
  for (const { Name, Value } of attrs) {
    if (Name === 'sub') throw invalidParameter('Cannot modify the non-mutable attribute sub');
    const def = schemaAttribute(pool, Name);
    if (!def) throw invalidParameter(`Attribute does not exist in the schema: ${Name}`);
    if (!creating && !def.Mutable) throw invalidParameter(`Cannot modify the non-mutable attribute ${Name}`);
    if (def.AttributeDataType === 'Boolean' && Value !== 'true' && Value !== 'false') {
      throw invalidParameter(`${Name} must be 'true' or 'false'.`);
    }
    if (def.AttributeDataType === 'Number' && Value !== '' && !Number.isFinite(Number(Value))) {
      throw invalidParameter(`${Name} must be a number.`);
    }
    const max = def.StringAttributeConstraints?.MaxLength;
    if (max !== undefined && Value.length > Number(max))
      throw invalidParameter(`${Name} is longer than ${max} characters.`);
    if (Name === 'email' && Value !== '' && !/^[^\s@]+@[^\s@]+$/.test(Value))
      throw invalidParameter('Invalid email address format.');
    if (Name === 'phone_number' && Value !== '' && !/^\+[0-9]{4,15}$/.test(Value)) {
      throw invalidParameter('Invalid phone number format.');
    }
  }
}

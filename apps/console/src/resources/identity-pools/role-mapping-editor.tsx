import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import {
  ambiguousRoleResolutions,
  maxRulesPerRoleMapping,
  type AmbiguousRoleResolution,
  type RoleWarning,
} from '@poolkeeper/contract';
import type { FieldMessages } from '../../common/contract-form';
import type { IamRoleRecord } from './identity-pools-provider';
import {
  canAddRule,
  emptyRule,
  mappingMessages,
  moveRule,
  ruleField,
  ruleMessages,
  warningsOfRule,
  type MappingDraft,
  type MappingKind,
  type RuleDraft,
} from './roles-draft';
import { RuleRow } from './rule-row';

const kindLabels: Record<MappingKind, string> = {
  none: 'No role mapping (the authenticated role)',
  Token: 'Token: the roles in the token (cognito:preferred_role, cognito:roles)',
  Rules: 'Rules: the first matching rule',
};

export const ambiguousLabels: Record<AmbiguousRoleResolution, string> = {
  AuthenticatedRole: 'Use the authenticated role',
  Deny: 'Deny (no credentials)',
};

export interface RoleMappingEditorProps {
  mapping: MappingDraft;
  identityPoolId: string;
  readOnly: boolean;
  warnings: readonly RoleWarning[];
  errors: FieldMessages;
  /** The trust problem of a role picked in this editor but not saved yet, if any. */
  trustOfPick: (arn: string) => { message: string; fixPolicy: unknown } | null;
  onChange: (mapping: MappingDraft) => void;
  onPicked: (role: IamRoleRecord) => void;
}

/** One provider's role mapping: Token or Rules, the ordered rules, and AmbiguousRoleResolution. */
export function RoleMappingEditor(props: RoleMappingEditorProps) {
  const { mapping, readOnly, errors } = props;
  const [announce, setAnnounce] = useState('');
  const [focusAfterMove, setFocusAfterMove] = useState<{ key: string; by: -1 | 1 } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());

  useEffect(() => {
    if (!focusAfterMove) return;
    const { key, by } = focusAfterMove;
    const same = buttons.current.get(`${key}:${by}`);
    const other = buttons.current.get(`${key}:${-by}`);
    (same && !same.disabled ? same : other)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  const set = (patch: Partial<MappingDraft>) => props.onChange({ ...mapping, ...patch });
  const setRules = (rules: RuleDraft[]) => set({ rules });
  const updateRule = (i: number, patch: Partial<RuleDraft>) =>
    setRules(mapping.rules.map((r, j) => (j === i ? { ...r, ...patch, origin: null } : r)));
  const move = (i: number, by: -1 | 1) => {
    const rule = mapping.rules[i];
    if (!rule) return;
    setRules(moveRule(mapping.rules, i, by));
    setAnnounce(`Rule ${i + 1} moved to position ${i + 1 + by}.`);
    setFocusAfterMove({ key: rule.key, by });
  };
  const headingId = `mapping-${mapping.provider}`;
  const own = mappingMessages(errors, mapping.provider);
  const ruleErrors = (i: number) => {
    const of = (input: keyof RuleDraft) => errors[ruleField(mapping.provider, i, input)];
    const whole = ruleMessages(errors, mapping.provider, i).join(' ');
    return {
      Claim: of('Claim'),
      MatchType: of('MatchType'),
      Value: of('Value'),
      RoleARN: of('RoleARN'),
      ...(whole ? { '': whole } : {}),
    };
  };

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 2 }}>
      <Typography variant="subtitle1" component="h3" id={headingId} sx={{ wordBreak: 'break-all' }}>
        Role mapping for {mapping.label}
      </Typography>
      {readOnly ? (
        <Typography variant="body2">
          {kindLabels[mapping.kind]}
          {mapping.kind !== 'none' && `. When nothing decides: ${ambiguousLabels[mapping.ambiguous]}.`}
        </Typography>
      ) : (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
          <TextField
            select
            label="Mapping type"
            value={mapping.kind}
            onChange={(e) => set({ kind: e.target.value as MappingKind })}
            margin="dense"
            sx={{ minWidth: 320 }}
          >
            {(Object.keys(kindLabels) as MappingKind[]).map((k) => (
              <MenuItem key={k} value={k}>
                {kindLabels[k]}
              </MenuItem>
            ))}
          </TextField>
          {mapping.kind !== 'none' && (
            <TextField
              select
              label={
                mapping.kind === 'Rules' ? 'When no rule matches' : 'When the token names no single role'
              }
              value={mapping.ambiguous}
              onChange={(e) => set({ ambiguous: e.target.value as AmbiguousRoleResolution })}
              error={Boolean(errors[`roleMappings.${mapping.provider}.AmbiguousRoleResolution`])}
              helperText={
                errors[`roleMappings.${mapping.provider}.AmbiguousRoleResolution`] ??
                'AmbiguousRoleResolution'
              }
              margin="dense"
              sx={{ minWidth: 260 }}
            >
              {ambiguousRoleResolutions.map((a) => (
                <MenuItem key={a} value={a}>
                  {ambiguousLabels[a]}
                </MenuItem>
              ))}
            </TextField>
          )}
        </Box>
      )}
      {own.map((m) => (
        <Alert key={m} severity="error" role="alert" sx={{ mt: 1 }}>
          {m}
        </Alert>
      ))}
      {mapping.kind === 'Rules' && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            Rules are evaluated in order; the first rule that matches gives its role.
          </Typography>
          <Box component="ol" aria-label={`Rules for ${mapping.label}`} sx={{ p: 0, m: 0, mt: 1 }}>
            {mapping.rules.map((rule, i) => (
              <RuleRow
                key={rule.key}
                index={i}
                count={mapping.rules.length}
                rule={rule}
                identityPoolId={props.identityPoolId}
                readOnly={readOnly}
                warnings={warningsOfRule(props.warnings, mapping.provider, rule)}
                pickedTrust={rule.origin === null && rule.RoleARN ? props.trustOfPick(rule.RoleARN) : null}
                errors={ruleErrors(i)}
                onChange={(patch, role) => {
                  if (role) props.onPicked(role);
                  updateRule(i, patch);
                }}
                onMove={(by) => move(i, by)}
                onRemove={() => {
                  setRules(mapping.rules.filter((_, j) => j !== i));
                  setAnnounce(`Rule ${i + 1} removed.`);
                }}
                moveUpRef={(el) => void buttons.current.set(`${rule.key}:-1`, el)}
                moveDownRef={(el) => void buttons.current.set(`${rule.key}:1`, el)}
              />
            ))}
          </Box>
          {mapping.rules.length === 0 && (
            <Typography variant="body2" sx={{ my: 1 }}>
              No rules yet.
            </Typography>
          )}
          {!readOnly && (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1 }}>
              <Button
                startIcon={<AddIcon />}
                disabled={!canAddRule(mapping.rules)}
                onClick={() => setRules([...mapping.rules, emptyRule()])}
              >
                Add rule
              </Button>
              <Typography variant="caption" color="text.secondary">
                {mapping.rules.length} of at most {maxRulesPerRoleMapping} rules
              </Typography>
            </Box>
          )}
        </>
      )}
      <Box role="status" aria-live="polite" sx={{ position: 'absolute', left: -10000 }}>
        {announce}
      </Box>
    </Box>
  );
}

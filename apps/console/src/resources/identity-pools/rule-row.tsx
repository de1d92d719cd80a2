import { forwardRef, type Ref } from 'react';
import { Alert, Box, IconButton, MenuItem, TextField, Tooltip, Typography } from '@mui/material';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { mappingRuleMatchTypes, roleNameOfArn, type RoleWarning } from '@poolkeeper/contract';
import { IamRolePicker } from './iam-role-picker';
import type { IamRoleRecord } from './identity-pools-provider';
import type { RuleDraft } from './roles-draft';
import { TrustWarning } from './trust-warning';

export const matchTypeLabels: Record<(typeof mappingRuleMatchTypes)[number], string> = {
  Equals: 'Equals',
  Contains: 'Contains',
  StartsWith: 'Starts with',
  NotEqual: 'Not equal',
};

export interface RuleRowProps {
  index: number;
  count: number;
  rule: RuleDraft;
  identityPoolId: string;
  readOnly: boolean;
  /** The API's warnings about this (saved, unchanged) rule. */
  warnings: readonly RoleWarning[];
  /** A trust problem of the role just picked (not saved yet). */
  pickedTrust: { message: string; fixPolicy: unknown } | null;
  /** Contract and API messages, by input (`Claim`, `Value`, …) and for the rule as a whole (`''`). */
  errors: Partial<Record<keyof RuleDraft | '', string>>;
  onChange: (patch: Partial<RuleDraft>, role?: IamRoleRecord | null) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  moveUpRef?: Ref<HTMLButtonElement>;
  moveDownRef?: Ref<HTMLButtonElement>;
}

/** One rule of a Rules mapping: claim, match type, value, role; moved with buttons (first match wins). */
export const RuleRow = forwardRef(function RuleRow(props: RuleRowProps, ref: Ref<HTMLLIElement>) {
  const { index, count, rule, readOnly, warnings, errors } = props;
  const n = index + 1;
  const trust = warnings.filter((w) => w.kind === 'role_not_trusted' || w.kind === 'role_not_found');
  const other = warnings.filter((w) => !trust.includes(w));
  return (
    <Box
      component="li"
      ref={ref}
      aria-label={`Rule ${n}`}
      sx={{ listStyle: 'none', borderTop: 1, borderColor: 'divider', py: 1.5 }}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}>
        <Typography variant="subtitle2" component="span" sx={{ minWidth: 56, pt: readOnly ? 0 : 2 }}>
          Rule {n}
        </Typography>
        {readOnly ? (
          <Typography variant="body2" sx={{ flex: 1 }}>
            If <code>{rule.Claim}</code> {matchTypeLabels[rule.MatchType].toLowerCase()}{' '}
            <code>{JSON.stringify(rule.Value)}</code> →{' '}
            <strong>{roleNameOfArn(rule.RoleARN) ?? rule.RoleARN}</strong>
          </Typography>
        ) : (
          <>
            <TextField
              label="Claim"
              value={rule.Claim}
              onChange={(e) => props.onChange({ Claim: e.target.value })}
              error={Boolean(errors.Claim)}
              helperText={errors.Claim}
              margin="dense"
              sx={{ width: 180 }}
            />
            <TextField
              select
              label="Match type"
              value={rule.MatchType}
              onChange={(e) => props.onChange({ MatchType: e.target.value as RuleDraft['MatchType'] })}
              error={Boolean(errors.MatchType)}
              helperText={errors.MatchType}
              margin="dense"
              sx={{ width: 150 }}
            >
              {mappingRuleMatchTypes.map((t) => (
                <MenuItem key={t} value={t}>
                  {matchTypeLabels[t]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label="Value"
              value={rule.Value}
              onChange={(e) => props.onChange({ Value: e.target.value })}
              error={Boolean(errors.Value)}
              helperText={errors.Value}
              margin="dense"
              sx={{ width: 180 }}
            />
            <IamRolePicker
              label="Role"
              value={rule.RoleARN}
              identityPoolId={props.identityPoolId}
              amr="authenticated"
              error={errors.RoleARN}
              onChange={(arn, role) => props.onChange({ RoleARN: arn }, role)}
            />
            <Box sx={{ display: 'flex', pt: 1.5 }}>
              <Tooltip title="Move up (evaluated earlier)">
                <span>
                  <IconButton
                    ref={props.moveUpRef}
                    aria-label={`Move rule ${n} up`}
                    disabled={index === 0}
                    onClick={() => props.onMove(-1)}
                  >
                    <ArrowUpwardIcon />
                  </IconButton>
                </span>
              </Tooltip>
              <Tooltip title="Move down (evaluated later)">
                <span>
                  <IconButton
                    ref={props.moveDownRef}
                    aria-label={`Move rule ${n} down`}
                    disabled={index === count - 1}
                    onClick={() => props.onMove(1)}
                  >
                    <ArrowDownwardIcon />
                  </IconButton>
                </span>
              </Tooltip>
              <Tooltip title="Remove rule">
                <IconButton aria-label={`Remove rule ${n}`} onClick={props.onRemove}>
                  <DeleteIcon />
                </IconButton>
              </Tooltip>
            </Box>
          </>
        )}
      </Box>
      {errors[''] && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {errors['']}
        </Alert>
      )}
      {other.map((w) => (
        <Alert key={`${w.kind}-${w.field}`} severity="warning" sx={{ mt: 1 }} data-warning={w.kind}>
          {w.message}
        </Alert>
      ))}
      {trust.map((w) => (
        <TrustWarning key={`${w.kind}-${w.field}`} message={w.message} fixPolicy={w.fixPolicy} />
      ))}
      {props.pickedTrust && (
        <TrustWarning message={props.pickedTrust.message} fixPolicy={props.pickedTrust.fixPolicy} />
      )}
    </Box>
  );
});

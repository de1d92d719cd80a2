import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  AlertTitle,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useDataProvider, useGetList } from 'react-admin';
import { roleNameOfArn, type IdentityPoolDetail, type WhichRoleAnswer } from '@poolkeeper/contract';
import { fieldMessagesOf } from '../../common/contract-form';
import { useCan } from '../../common/use-can';
import type {
  IdentityPoolRolesRecord,
  IdentityPoolsDataProvider,
  WhichRoleQuestion,
} from './identity-pools-provider';
import { matchTypeLabels } from './rule-row';

const statusLabels: Record<string, { label: string; color: 'success' | 'default' | 'warning' }> = {
  matched: { label: 'Matches', color: 'success' },
  not_matched: { label: 'No match', color: 'default' },
  claim_missing: { label: 'Claim missing', color: 'warning' },
  not_evaluated: { label: 'Not evaluated', color: 'default' },
};

function UserPicker({
  poolId,
  value,
  onChange,
}: {
  poolId: string;
  value: string;
  onChange: (username: string) => void;
}) {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, isFetching } = useGetList<{ id: string; username: string }>('users', {
    pagination: { page: 1, perPage: 20 },
    filter: search ? { search, attribute: 'username' } : {},
    meta: { poolId },
  });
  const options = (data ?? []).map((u) => u.username);
  if (value && !options.includes(value)) options.unshift(value);
  return (
    <Autocomplete
      value={value || null}
      options={options}
      filterOptions={(x) => x}
      loading={isFetching}
      onInputChange={(_e, text, reason) => reason === 'input' && setTyped(text)}
      onChange={(_e, username) => onChange(username ?? '')}
      renderInput={(params) => (
        <TextField {...params} label="User" helperText="Type to search by username." margin="dense" />
      )}
      sx={{ minWidth: 280 }}
    />
  );
}

/**
 * "Which role would I get?": claims (the ID token's, as JSON) or a user of the linked user pool (its
 * attributes and groups become the claims), answered by the API's which-role route with AWS's documented
 * evaluation (the shared evaluator the local identity pool uses too). The answer is about the SAVED role
 * mappings: after a save the last question is asked again, so the answer follows the new mappings.
 */
export function WhichRolePanel({ pool, view }: { pool: IdentityPoolDetail; view: IdentityPoolRolesRecord }) {
  const dataProvider = useDataProvider<IdentityPoolsDataProvider>();
  const allowed = useCan();
  const userProviders = pool.userPoolProviders.filter((p) => p.managed && p.userPoolId);
  const canPickUser = allowed('users.read') && userProviders.length > 0;
  const providers = pool.userPoolProviders.map((p) => p.mappingKey);
  const [provider, setProvider] = useState(providers[0] ?? '');
  const [mode, setMode] = useState<'user' | 'claims'>(canPickUser ? 'user' : 'claims');
  const [claims, setClaims] = useState('{\n  "custom:plan": "enterprise"\n}');
  const [username, setUsername] = useState('');
  const [asked, setAsked] = useState<WhichRoleQuestion | null>(null);
  const [answer, setAnswer] = useState<WhichRoleAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const linked = pool.userPoolProviders.find((p) => p.mappingKey === provider);
  const userPoolId = linked?.managed ? linked.userPoolId : null;
  const rules = view.roleMappings[provider]?.RulesConfiguration?.Rules ?? [];

  const ask = async (question: WhichRoleQuestion) => {
    setBusy(true);
    try {
      setAnswer(await dataProvider.whichRole('identity-pools', { id: pool.id, question }));
      setProblem(null);
    } catch (error) {
      const fields = fieldMessagesOf(error);
      setAnswer(null);
      setProblem(
        fields
          ? Object.values(fields).join(' ')
          : error instanceof Error
            ? error.message
            : 'The request failed.',
      );
    } finally {
      setBusy(false);
    }
  };

  // The saved mappings changed (a save): ask the last question again.
  useEffect(() => {
    if (asked) void ask(asked);
    // Only when the saved mappings change (`asked` and `ask` are read as they are then).
  }, [view]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let question: WhichRoleQuestion;
    if (mode === 'user') {
      if (!userPoolId || !username) {
        setProblem('Pick a user first.');
        return;
      }
      question = { provider, userPoolId, username };
    } else {
      try {
        const parsed: unknown = JSON.parse(claims);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
      } catch {
        setProblem('The claims must be a JSON object, such as {"custom:plan": "enterprise"}.');
        return;
      }
      question = { provider, claims };
    }
    setAsked(question);
    void ask(question);
  };

  return (
    <Card component="section" aria-labelledby="which-role-heading" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" id="which-role-heading">
          Which role would I get?
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Evaluated by the API as AWS evaluates the saved role mappings (rules in order, first match wins).
        </Typography>
        <Box component="form" onSubmit={submit} noValidate sx={{ mt: 1 }}>
          {providers.length > 1 && (
            <TextField
              select
              label="Provider"
              value={provider}
              onChange={(e) => setProvider(e.target.value)}
              margin="dense"
              sx={{ minWidth: 320 }}
            >
              {providers.map((p) => (
                <MenuItem key={p} value={p}>
                  {p}
                </MenuItem>
              ))}
            </TextField>
          )}
          <RadioGroup
            row
            aria-label="Ask with"
            value={mode}
            onChange={(e) => setMode(e.target.value as 'user' | 'claims')}
          >
            <FormControlLabel
              value="user"
              control={<Radio />}
              label={`A user of ${userPoolId ?? 'the linked user pool'}`}
              disabled={!canPickUser || !userPoolId}
            />
            <FormControlLabel value="claims" control={<Radio />} label="Claims (JSON)" />
          </RadioGroup>
          {mode === 'user' && userPoolId ? (
            <UserPicker poolId={userPoolId} value={username} onChange={setUsername} />
          ) : (
            <TextField
              label="Claims"
              value={claims}
              onChange={(e) => setClaims(e.target.value)}
              multiline
              minRows={3}
              fullWidth
              margin="dense"
              helperText='The ID token claims, e.g. {"custom:plan": "enterprise", "cognito:groups": ["staff"]}'
              slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
            />
          )}
          <Button type="submit" variant="outlined" disabled={busy} sx={{ mt: 1 }}>
            Which role?
          </Button>
        </Box>
        {problem && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {problem}
          </Alert>
        )}
        {answer && <Answer answer={answer} rules={rules} />}
      </CardContent>
    </Card>
  );
}

function Answer({
  answer,
  rules,
}: {
  answer: WhichRoleAnswer;
  rules: Array<{ Claim: string; MatchType: keyof typeof matchTypeLabels; Value: string; RoleARN: string }>;
}) {
  const role = answer.roleArn ? (roleNameOfArn(answer.roleArn) ?? answer.roleArn) : null;
  return (
    <Box aria-label="Which role answer" role="region" aria-live="polite" sx={{ mt: 2 }}>
      <Alert severity={role ? 'success' : 'warning'}>
        <AlertTitle data-testid="which-role-result">{role ? `Role: ${role}` : 'No credentials'}</AlertTitle>
        {answer.explanation}
        {answer.roleArn && (
          <Typography variant="caption" component="p" sx={{ wordBreak: 'break-all' }}>
            {answer.roleArn}
          </Typography>
        )}
      </Alert>
      {answer.rules.length > 0 && (
        <Table size="small" aria-label="Rules evaluated" sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Rule
              </TableCell>
              <TableCell component="th" scope="col">
                Condition
              </TableCell>
              <TableCell component="th" scope="col">
                Result
              </TableCell>
              <TableCell component="th" scope="col">
                Why
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {answer.rules.map((r) => {
              const rule = rules[r.index];
              const status = statusLabels[r.status] ?? { label: r.status, color: 'default' as const };
              return (
                <TableRow key={r.index} selected={answer.ruleIndex === r.index}>
                  <TableCell component="th" scope="row">
                    {r.index + 1}
                  </TableCell>
                  <TableCell>
                    {rule
                      ? `${rule.Claim} ${matchTypeLabels[rule.MatchType].toLowerCase()} "${rule.Value}" → ${roleNameOfArn(rule.RoleARN) ?? rule.RoleARN}`
                      : '—'}
                  </TableCell>
                  <TableCell>
                    <Chip size="small" variant="outlined" color={status.color} label={status.label} />
                  </TableCell>
                  <TableCell>{r.reason}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        Claims evaluated
      </Typography>
      <Box
        component="pre"
        tabIndex={0}
        aria-label="Claims evaluated"
        sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, overflowX: 'auto', fontSize: 12 }}
      >
        {JSON.stringify(answer.claims, null, 2)}
      </Box>
    </Box>
  );
}

package org.xiangzhi.cases.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.IllegalTransitionException;

import static org.xiangzhi.cases.CaseAction.ACCEPT;
import static org.xiangzhi.cases.CaseAction.CLOSE;
import static org.xiangzhi.cases.CaseAction.CONFIRM_BY_REPORTER;
import static org.xiangzhi.cases.CaseAction.DISPATCH;
import static org.xiangzhi.cases.CaseAction.ESCALATE;
import static org.xiangzhi.cases.CaseAction.HANDLE;
import static org.xiangzhi.cases.CaseAction.HAND_DOWN;
import static org.xiangzhi.cases.CaseAction.MERGE;
import static org.xiangzhi.cases.CaseAction.REJECT;
import static org.xiangzhi.cases.CaseAction.REJECT_RESOLUTION;
import static org.xiangzhi.cases.CaseAction.REOPEN;
import static org.xiangzhi.cases.CaseAction.START;
import static org.xiangzhi.cases.CaseAction.TRANSFER;
import static org.xiangzhi.cases.CaseAction.URGE;
import static org.xiangzhi.cases.CaseAction.VERIFY;
import static org.xiangzhi.cases.CaseStatus.ACCEPTED;
import static org.xiangzhi.cases.CaseStatus.CLOSED;
import static org.xiangzhi.cases.CaseStatus.DISPATCHED;
import static org.xiangzhi.cases.CaseStatus.HANDLED;
import static org.xiangzhi.cases.CaseStatus.HANDLING;
import static org.xiangzhi.cases.CaseStatus.MERGED;
import static org.xiangzhi.cases.CaseStatus.REJECTED;
import static org.xiangzhi.cases.CaseStatus.REOPENED;
import static org.xiangzhi.cases.CaseStatus.SUBMITTED;
import static org.xiangzhi.cases.CaseStatus.VERIFIED;

/**
 * The transition table of the case workflow: for each status, the allowed actions and the
 * status each leads to. Anything not in the table is illegal.
 * <p>
 * Moving a case to another unit (escalate, hand down, transfer) after it was accepted
 * sends it back to {@link CaseStatus#ACCEPTED}: the receiving unit has taken it in, but
 * must put it in front of one of its own people. Before acceptance the receiving unit
 * decides on acceptance itself, so the case stays {@link CaseStatus#SUBMITTED}. Urging
 * (催办) is recorded but leaves the status alone; it is allowed wherever someone still has
 * something to do.
 */
public final class CaseWorkflow {

	private static final Map<CaseStatus, Map<CaseAction, CaseStatus>> TABLE = declare();

	private CaseWorkflow() {
	}

	private static Map<CaseStatus, Map<CaseAction, CaseStatus>> declare() {
		Map<CaseStatus, Map<CaseAction, CaseStatus>> table = new EnumMap<>(CaseStatus.class);
		for (CaseStatus status : CaseStatus.values()) {
			table.put(status, new EnumMap<>(CaseAction.class));
		}
		allow(table, SUBMITTED, ACCEPT, ACCEPTED);
		allow(table, SUBMITTED, REJECT, REJECTED);
		allow(table, SUBMITTED, MERGE, MERGED);
		allow(table, SUBMITTED, ESCALATE, SUBMITTED);
		allow(table, SUBMITTED, HAND_DOWN, SUBMITTED);
		allow(table, SUBMITTED, TRANSFER, SUBMITTED);
		allow(table, SUBMITTED, URGE, SUBMITTED);

		allow(table, ACCEPTED, DISPATCH, DISPATCHED);
		allow(table, ACCEPTED, MERGE, MERGED);
		movable(table, ACCEPTED);
		allow(table, ACCEPTED, URGE, ACCEPTED);

		allow(table, DISPATCHED, START, HANDLING);
		allow(table, DISPATCHED, DISPATCH, DISPATCHED);
		allow(table, DISPATCHED, MERGE, MERGED);
		movable(table, DISPATCHED);
		allow(table, DISPATCHED, URGE, DISPATCHED);

		allow(table, HANDLING, HANDLE, HANDLED);
		allow(table, HANDLING, DISPATCH, DISPATCHED);
		movable(table, HANDLING);
		allow(table, HANDLING, URGE, HANDLING);

		allow(table, HANDLED, VERIFY, VERIFIED);
		allow(table, HANDLED, CONFIRM_BY_REPORTER, VERIFIED);
		allow(table, HANDLED, REJECT_RESOLUTION, REOPENED);
		allow(table, HANDLED, URGE, HANDLED);

		// the reporter may still say no after the level above has checked: no false
		// closure
		allow(table, VERIFIED, CLOSE, CLOSED);
		allow(table, VERIFIED, CONFIRM_BY_REPORTER, VERIFIED);
		allow(table, VERIFIED, REJECT_RESOLUTION, REOPENED);
		allow(table, VERIFIED, URGE, VERIFIED);

		allow(table, CLOSED, REOPEN, REOPENED);

		allow(table, REOPENED, DISPATCH, DISPATCHED);
		allow(table, REOPENED, START, HANDLING);
		movable(table, REOPENED);
		allow(table, REOPENED, URGE, REOPENED);

		// REJECTED and MERGED are final
		Map<CaseStatus, Map<CaseAction, CaseStatus>> frozen = new EnumMap<>(CaseStatus.class);
		table.forEach((status, actions) -> frozen.put(status, Collections.unmodifiableMap(actions)));
		return Collections.unmodifiableMap(frozen);
	}

	private static void movable(Map<CaseStatus, Map<CaseAction, CaseStatus>> table, CaseStatus from) {
		allow(table, from, ESCALATE, ACCEPTED);
		allow(table, from, HAND_DOWN, ACCEPTED);
		allow(table, from, TRANSFER, ACCEPTED);
	}

	private static void allow(Map<CaseStatus, Map<CaseAction, CaseStatus>> table, CaseStatus from, CaseAction action,
			CaseStatus to) {
		table.get(from).put(action, to);
	}

	/** The status the action leads to, or throws if the action is not allowed now. */
	public static CaseStatus next(CaseStatus current, CaseAction action) {
		return target(current, action).orElseThrow(() -> new IllegalTransitionException(current, action));
	}

	/** The status the action leads to, or empty if the action is not allowed now. */
	public static Optional<CaseStatus> target(CaseStatus current, CaseAction action) {
		return Optional.ofNullable(TABLE.get(current).get(action));
	}

	/** The actions allowed in a status, e.g. to show the buttons of a case page. */
	public static Set<CaseAction> allowedActions(CaseStatus current) {
		return Collections.unmodifiableSet(TABLE.get(current).keySet());
	}

	/** The whole table, read-only: status → (action → resulting status). */
	public static Map<CaseStatus, Map<CaseAction, CaseStatus>> table() {
		return TABLE;
	}

	/** Nothing can happen to a case in this status any more. */
	public static boolean isTerminal(CaseStatus status) {
		return TABLE.get(status).isEmpty();
	}

}

package org.xiangzhi.party.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiangzhi.party.MemberCategory;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.MemberStatus;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.registry.Gender;
import org.xiangzhi.registry.HouseholdId;
import org.xiangzhi.registry.ResidentId;

@Repository
class JdbcPartyDirectory implements PartyDirectory {

	static final String ORG_COLUMNS = "select o.id, o.parent_id, o.kind, o.name, o.place_code, o.org_path, o.active "
			+ "from party_org o ";

	static final String MEMBER_COLUMNS = "select m.id, m.org_id, m.resident_id, r.household_id, m.org_path, r.name, "
			+ "r.gender, m.account_id, m.category, m.status, m.mobile from party_member m "
			+ "join resident r on r.id = m.resident_id ";

	private final JdbcClient jdbc;

	JdbcPartyDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<OrgRef> org(PartyOrgId id, DataScope scope) {
		DataScope.SqlCondition inScope = scope.condition("o.org_path");
		return jdbc.sql(ORG_COLUMNS + "where o.id = :id and " + inScope.sql())
			.params(inScope.params())
			.param("id", id.value())
			.query(JdbcPartyDirectory::org)
			.optional();
	}

	@Override
	public List<OrgRef> orgs(DataScope scope) {
		DataScope.SqlCondition inScope = scope.condition("o.org_path");
		// a parent's place is never deeper than its children's: path length orders
		// parents first
		return jdbc.sql(ORG_COLUMNS + "where " + inScope.sql() + " order by length(o.org_path), o.kind, o.name, o.id")
			.params(inScope.params())
			.query(JdbcPartyDirectory::org)
			.list();
	}

	@Override
	public Optional<MemberRef> member(MemberId id, DataScope scope) {
		DataScope.SqlCondition inScope = scope.condition("m.org_path");
		return jdbc.sql(MEMBER_COLUMNS + "where m.id = :id and " + inScope.sql())
			.params(inScope.params())
			.param("id", id.value())
			.query(JdbcPartyDirectory::member)
			.optional();
	}

	@Override
	public List<MemberRef> activeMembersUnder(OrgPath path) {
		DataScope.SqlCondition inScope = DataScope.of(path).condition("m.org_path");
		return jdbc.sql(MEMBER_COLUMNS + "where m.status = 'ACTIVE' and " + inScope.sql() + " order by r.name, m.id")
			.params(inScope.params())
			.query(JdbcPartyDirectory::member)
			.list();
	}

	@Override
	public Optional<MemberRef> memberOfAccount(long accountId) {
		return jdbc.sql(MEMBER_COLUMNS + "where m.account_id = :account and m.status = 'ACTIVE'")
			.param("account", accountId)
			.query(JdbcPartyDirectory::member)
			.optional();
	}

	static OrgRef org(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		return new OrgRef(new PartyOrgId(rs.getLong("id")), rs.wasNull() ? null : new PartyOrgId(parent),
				OrgKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("place_code"),
				OrgPath.of(rs.getString("org_path")), rs.getBoolean("active"));
	}

	static MemberRef member(ResultSet rs, int row) throws SQLException {
		long account = rs.getLong("account_id");
		Long accountId = rs.wasNull() ? null : account;
		return new MemberRef(new MemberId(rs.getLong("id")), new PartyOrgId(rs.getLong("org_id")),
				new ResidentId(rs.getLong("resident_id")), new HouseholdId(rs.getLong("household_id")),
				OrgPath.of(rs.getString("org_path")), rs.getString("name"), Gender.valueOf(rs.getString("gender")),
				accountId, MemberCategory.valueOf(rs.getString("category")),
				MemberStatus.valueOf(rs.getString("status")), rs.getBoolean("mobile"));
	}

}
